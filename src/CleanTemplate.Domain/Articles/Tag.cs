namespace CleanTemplate.Domain.Articles;

/// <summary>A tag name, shared by every article that uses it. Created on first use, never duplicated.</summary>
public sealed class Tag
{
    public const int NameMaxLength = 64;

    public Tag(int id, string name)
    {
        Id = id;
        Name = name;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }
}
