using ContentApi.Http.Binding;
using Microsoft.AspNetCore.Mvc;

namespace ContentApi.UnitTests.Http;

public sealed class BoundQueryParametersTests
{
    private sealed record PositionalQuery(string? Include, [FromQuery(Name = "q")] string? Words)
    {
        public bool IsEmpty => Include is null && Words is null;

        public string? Extra { get; init; }
    }

    private sealed class SettableQuery
    {
        public int? Limit { get; set; }

        [FromQuery(Name = "sort")]
        public string? Order { get; set; }

        public bool HasLimit => Limit is not null;

        public string? Computed { get; private set; }
    }

    [Fact]
    public void A_positional_record_binds_its_constructor_parameters_and_no_other_member()
    {
        Assert.Equal([("include", typeof(string)), ("q", typeof(string))], BoundQueryParameters.Of(typeof(PositionalQuery)));
    }

    [Fact]
    public void A_type_without_constructor_parameters_binds_its_publicly_settable_properties()
    {
        Assert.Equal([("limit", typeof(int?)), ("sort", typeof(string))], BoundQueryParameters.Of(typeof(SettableQuery)));
    }
}
