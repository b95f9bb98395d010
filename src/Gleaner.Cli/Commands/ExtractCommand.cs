using System.CommandLine;
using System.IO.Compression;
using System.Text.Json;
using Gleaner.Extraction;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner extract</c>: pages to article records.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "HTML files (.html, .htm, .html.gz) or folders of them",
            Arity = ArgumentArity.OneOrMore,
        };
        inputs.Validators.Add(result =>
        {
            // System.CommandLine passes unknown "--options" through as arguments; say so instead of reading a file.
            foreach (var token in result.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-' && !File.Exists(token.Value))
                    result.AddError($"Unknown option '{token.Value}'.");
        });
        var format = new Option<string?>("--format") { Description = "json (default for one input) or jsonl (default for several)" };
        format.AcceptOnlyFromAmong("json", "jsonl");
        var url = new Option<string?>("--url") { Description = "The page's URL, for a single file input" };

        var command = new Command("extract", "Extract article records from news pages") { inputs, format, url };
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(format), parse.GetValue(url)));
        return command;
    }

    private static int Run(string[] inputs, string? format, string? url)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(IsPage).Order(StringComparer.Ordinal));
            else
                files.Add(input);
        }
        format ??= files.Count == 1 && inputs.Length == 1 && !Directory.Exists(inputs[0]) ? "json" : "jsonl";

        var extractor = new ArticleExtractor();
        var results = new object?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var path = files[i];
            try
            {
                var bytes = ReadPage(path);
                var article = extractor.Extract(bytes, null, files.Count == 1 ? url : null);
                results[i] = new PathedArticle(path, article);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                results[i] = new FailedInput(path, e.Message);
            }
        });

        var failed = 0;
        using var stdout = Console.OpenStandardOutput();
        using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = format == "json", Encoder = ArticleJson.Compact.Encoder });
        foreach (var result in results)
        {
            if (result is FailedInput failure)
            {
                failed++;
                Console.Error.WriteLine($"gleaner: {failure.Path}: {failure.Error}");
            }
            JsonSerializer.Serialize(writer, result, result!.GetType(), format == "json" ? ArticleJson.Indented : ArticleJson.Compact);
            writer.Flush();
            stdout.WriteByte((byte)'\n');
            writer.Reset();
        }
        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    private static bool IsPage(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase);

    private static byte[] ReadPage(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            return File.ReadAllBytes(path);
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    private sealed record FailedInput(string Path, string Error);

    /// <summary>A record with the input it came from, written as one JSON object.</summary>
    private sealed class PathedArticle(string path, Article article)
    {
        public string Path { get; } = path;

        [System.Text.Json.Serialization.JsonExtensionData]
        public Dictionary<string, JsonElement> Fields { get; } =
            JsonSerializer.SerializeToElement(article, ArticleJson.Compact).EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.Clone());
    }
}
