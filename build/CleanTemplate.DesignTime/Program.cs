// Only `dotnet ef` runs this project; see the comment in CleanTemplate.DesignTime.csproj.
System.Console.WriteLine("Design-time host for `dotnet ef`. Usage: see README, section Migrations.");
