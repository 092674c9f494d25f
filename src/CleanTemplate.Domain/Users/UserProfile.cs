using CleanTemplate.Domain.Common;

namespace CleanTemplate.Domain.Users;

/// <summary>
/// The public part of an account, kept in its own row (a one-to-one relationship sharing the user's key):
/// created with the user and deleted with it.
/// </summary>
public sealed class UserProfile : AuditableEntity<int>
{
    public const int BioMaxLength = 2000;
    public const int ImageMaxLength = 2048;

    internal UserProfile()
    {
    }

    public string? Bio { get; private set; }

    public string? Image { get; private set; }

    /// <summary>Blank values clear the field.</summary>
    public void Update(string? bio, string? image)
    {
        if (bio is not null)
            Bio = string.IsNullOrWhiteSpace(bio) ? null : bio;
        if (image is not null)
            Image = string.IsNullOrWhiteSpace(image) ? null : image;
    }
}
