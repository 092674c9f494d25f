using System.Text;

namespace CleanTemplate.Web.FunctionalTests.Deployment;

/// <summary>A Dockerfile as its instructions, continuation lines joined and comments left out.</summary>
internal sealed class DockerfileInstructions
{
    private DockerfileInstructions(IReadOnlyList<DockerInstruction> all) => All = all;

    public IReadOnlyList<DockerInstruction> All { get; }

    /// <summary>The instructions from the last <c>FROM</c> on: what the image that runs is made of.</summary>
    public IReadOnlyList<DockerInstruction> FinalStage => All.Skip(All.ToList().FindLastIndex(IsFrom)).ToList();

    public static DockerfileInstructions Load(string path)
    {
        var instructions = new List<DockerInstruction>();
        var pending = new StringBuilder();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
                continue;
            pending.Append(line.TrimEnd('\\')).Append(' ');
            if (line.EndsWith('\\'))
                continue;

            var text = pending.ToString().Trim();
            pending.Clear();
            var keyword = text.Split(' ', 2);
            instructions.Add(new DockerInstruction(
                keyword[0].ToUpperInvariant(), keyword.Length == 2 ? keyword[1].Trim() : ""));
        }

        return new DockerfileInstructions(instructions);
    }

    public IEnumerable<DockerInstruction> Named(string keyword) => All.Where(instruction => instruction.Is(keyword));

    private static bool IsFrom(DockerInstruction instruction) => instruction.Is("FROM");
}

internal sealed record DockerInstruction(string Keyword, string Arguments)
{
    public IReadOnlyList<string> Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The words that are not <c>--flags</c>: for <c>COPY</c>, the sources and then the destination.</summary>
    public IReadOnlyList<string> Operands => Words.Where(word => !word.StartsWith("--", StringComparison.Ordinal))
        .ToList();

    public bool Is(string keyword) => Keyword == keyword;
}
