# The Web app's image: the SDK image restores and publishes, the runtime image holds only the published output.
#   docker build -t app .        (compose.yaml builds it for docker compose up --build)
# Never built on this repository's build machines, which have no Docker engine: a test reads this file and checks
# its project paths, assembly name, user and port (tests/CleanTemplate.Web.FunctionalTests/Deployment/).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# The project files of the Web project and of every project it references, alone first: the restore layer is
# rebuilt only when they or the shared build files change.
COPY .editorconfig Directory.Build.props Directory.Packages.props global.json ./
COPY src/CleanTemplate.Domain/CleanTemplate.Domain.csproj src/CleanTemplate.Domain/
COPY src/CleanTemplate.Application/CleanTemplate.Application.csproj src/CleanTemplate.Application/
COPY src/CleanTemplate.Infrastructure/CleanTemplate.Infrastructure.csproj src/CleanTemplate.Infrastructure/
COPY src/CleanTemplate.LocalPostgres/CleanTemplate.LocalPostgres.csproj src/CleanTemplate.LocalPostgres/
COPY src/CleanTemplate.Web/CleanTemplate.Web.csproj src/CleanTemplate.Web/
RUN dotnet restore src/CleanTemplate.Web/CleanTemplate.Web.csproj

COPY src/ src/
RUN dotnet publish src/CleanTemplate.Web/CleanTemplate.Web.csproj --no-restore -c Release -o /app/publish \
    -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app/publish /app/
# The image's unprivileged user, app (uid 1654).
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# No HEALTHCHECK: the runtime image has no curl or wget to call /health/live with. Probe /health/live and
# /health/ready over HTTP from outside (an orchestrator's liveness and readiness probes).
ENTRYPOINT ["dotnet", "/app/CleanTemplate.Web.dll"]
