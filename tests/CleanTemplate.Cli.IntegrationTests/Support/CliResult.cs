namespace CleanTemplate.Cli.IntegrationTests.Support;

/// <summary>What one CLI run returned and wrote.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public void ShouldSucceed() => ExitCode.ShouldBe(ExitCodes.Ok, $"stdout:\n{Output}\nstderr:\n{Error}");

    public void ShouldExitWith(int exitCode) => ExitCode.ShouldBe(exitCode, $"stdout:\n{Output}\nstderr:\n{Error}");
}
