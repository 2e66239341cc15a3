# syntax=docker/dockerfile:1
# Build: docker build -t contentapi .
# Run:   docker run -p 8080:8080 -v contentapi-data:/data contentapi
# First key: docker run --rm -v contentapi-data:/data contentapi keys create --name editor --scope write
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ContentApi/ContentApi.csproj src/ContentApi/
RUN dotnet restore src/ContentApi/ContentApi.csproj
COPY src/ src/
RUN dotnet publish src/ContentApi/ContentApi.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The database lives on a volume, owned by the image's non-root "app" user (uid 1654).
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
# The port comes from the environment: docker run -e ASPNETCORE_HTTP_PORTS=9000 -p 9000:9000 ...
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Content="Data Source=/data/content.db"
# .NET sizes the youngest GC generation from the CPU's cache, which many VMs do not report; it then starts from 256 KB
# and collects every few requests (creates 20-25 % slower here). 16 MB; only an environment variable sets it.
# tests/Benchmarks/README.md, "The GC's youngest generation".
ENV DOTNET_GCgen0size=0x1000000
USER app
EXPOSE 8080
# The runtime image has no curl: the app asks its own /health/ready (exit 0 on 200; the address from Kestrel__Endpoints__*__Url
# or ASPNETCORE_URLS when set, else the port from ASPNETCORE_HTTP_PORTS). A server given --urls on its command line: add
# probe's --url, as probe cannot see the server's arguments.
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 CMD ["dotnet", "ContentApi.dll", "probe"]
# With no arguments the app serves; with a command (keys, migrate, ...) it runs that and exits.
ENTRYPOINT ["dotnet", "ContentApi.dll"]
