namespace ContentApi.Http.Pipeline;

/// <summary>The methods that only read: GET and HEAD.</summary>
public static class ReadMethods
{
    public static bool Includes(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
}
