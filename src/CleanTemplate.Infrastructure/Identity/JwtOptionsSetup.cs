using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CleanTemplate.Infrastructure.Identity;

/// <summary>
/// Development without a configured key gets a random one, generated once and kept in the user's profile folder,
/// outside the repository. Every other environment must configure a key of at least 32 bytes or the host
/// refuses to start (checked at start-up, not at the first login).
/// </summary>
internal sealed class JwtOptionsSetup(IHostEnvironment environment)
    : IPostConfigureOptions<JwtOptions>, IValidateOptions<JwtOptions>
{
    public void PostConfigure(string? name, JwtOptions options)
    {
        if (string.IsNullOrEmpty(options.SigningKey) && environment.IsDevelopment())
            options.SigningKey = LoadOrCreateDevelopmentKey();
    }

    public ValidateOptionsResult Validate(string? name, JwtOptions options) =>
        Encoding.UTF8.GetByteCount(options.SigningKey ?? string.Empty) >= JwtOptions.MinimumKeyBytes
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Jwt:SigningKey must be at least {JwtOptions.MinimumKeyBytes} bytes. " +
                "Set it with the Jwt__SigningKey environment variable or user secrets; never commit it.");

    private string LoadOrCreateDevelopmentKey()
    {
        var profile = Environment.GetFolderPath(
            Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create);
        var folder = Path.Combine(profile, environment.ApplicationName);
        var path = Path.Combine(folder, "development-jwt-key");
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();

        Directory.CreateDirectory(folder);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
