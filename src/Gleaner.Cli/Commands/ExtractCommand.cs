using System.CommandLine;
using System.Globalization;
using Gleaner.Cli.Input;
using Gleaner.Cli.Output;
using Gleaner.Extraction;
using Gleaner.Fetching;
using Gleaner.Rendering;
using Gleaner.Formats;

namespace Gleaner.Cli.Commands;

/// <summary><c>gleaner extract</c>: pages (files, folders, standard input, URLs) to article records.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "A page file (.html, .htm, .html.gz), a folder (all its pages, recursively, sorted by path), "
                + "- for standard input, or an http(s) URL (fetched once)",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Output format: json (default for one input; pretty), jsonl (default for several: one object "
                + "per input with \"path\" first), text (title, blank line, body), markdown, or record (the seed's text layout; "
                + "several records are separated by a form-feed line)",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong(ArticleWriter.FormatNames);
        var url = new Option<string?>("--url")
        {
            Description = "The page's address, when the input is one file or standard input: resolves relative links "
                + "and is the record's url unless the page names a canonical one on the same site",
            HelpName = "URL",
        };
        var jobs = OptionValues.WholeNumber("--jobs", "Pages extracted at once (output order is always input order)", 1, 256, Environment.ProcessorCount, "-j");
        var explain = new Option<bool>("--explain")
        {
            Description = "Say why each field has its value: the source that won, the candidates that lost and why, a confidence "
                + "from 0 to 1, the body's container and the blocks dropped (an \"explain\" object in JSON, a section in text and markdown)",
        };
        var minConfidence = OptionValues.OptionalNumber("--min-confidence",
            "Leave fields whose confidence is below X (0 to 1) empty: a doubtful date becomes null rather than wrong; the body is always kept", 0, 1);
        var rendering = RenderingOptions.Create("URL inputs (files and standard input are extracted as they are)");

        var command = new Command("extract", "Extract article records (title, text, dates, authors, ...) from news pages.")
        {
            inputs, format, url, jobs, explain, minConfidence,
        };
        foreach (var option in rendering.All)
            command.Options.Add(option);
        url.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !PageInput.IsHttpUrl(value))
                result.AddError($"--url must be an absolute http(s) URL, not '{value}'.");
        });
        // One command validator rather than one on the argument: System.CommandLine skips an argument's
        // validators once a command validator has read its value.
        command.Validators.Add(result =>
        {
            var arguments = result.GetResult(inputs)?.Tokens.Select(token => token.Value).ToArray() ?? [];
            var stdinCount = 0;
            foreach (var argument in arguments)
            {
                if (argument == PageInput.StandardInputName)
                    stdinCount++;
                // System.CommandLine passes unknown "--options" through as arguments; say so instead of reading a file.
                else if (argument.StartsWith('-') && !File.Exists(argument))
                    result.AddError($"Unknown option '{argument}'.");
            }
            if (stdinCount > 1)
                result.AddError("Standard input (-) can be read only once.");

            if (result.GetValue(url) is null)
                return;
            if (arguments.Length != 1 || Directory.Exists(arguments[0]))
                result.AddError("--url names the address of one page: give a single file or - with it.");
            else if (PageInput.IsHttpUrl(arguments[0]))
                result.AddError("--url is for a file or standard input; a URL input is its own address.");
        });

        command.SetAction(async (parse, cancellation) =>
        {
            var (mode, renderer, error) = rendering.Open(parse, FetchOptions.DefaultUserAgent);
            if (error is not null)
            {
                Console.Error.WriteLine($"gleaner: {error}");
                return ExitCodes.BadUsage;
            }
            await using var _ = renderer;
            var pageRendering = renderer is null ? null : new PageRendering(renderer, mode,
                new RenderPolicy(new RenderPolicyOptions { AllowCrossSite = parse.GetValue(rendering.CrossSite), UserAgent = FetchOptions.DefaultUserAgent }));
            return await RunAsync(parse.GetValue(inputs)!, parse.GetValue(format), parse.GetValue(url), parse.GetValue(jobs),
                new Explaining(parse.GetValue(explain), parse.GetValue(minConfidence)), pageRendering, cancellation);
        });

        HelpExamples.Add(command,
            "gleaner extract page.html --url https://example.com/news/story   # one record, pretty JSON",
            "gleaner extract pages/ > records.jsonl                          # a folder: JSON Lines, one line per page",
            "gleaner extract https://example.com/news/story -f text           # fetch a page, print title and text",
            "curl -s https://example.com/a | gleaner extract - --url https://example.com/a -f markdown",
            "gleaner extract a.html b.html.gz missing.html                    # missing.html: error line, exit 1",
            "gleaner extract page.html --explain -f text                      # where each field came from, and how sure",
            "gleaner extract pages/ --min-confidence 0.9 > sure.jsonl         # doubtful fields left empty",
            "gleaner extract https://example.com/app/story --render always    # run the page's scripts in headless Chromium first");
        return command;
    }

    /// <summary>Whether records carry their explanation, and the confidence below which fields are left empty.</summary>
    private readonly record struct Explaining(bool Explain, double? MinConfidence);

    private static async Task<int> RunAsync(string[] arguments, string? format, string? url, int jobs, Explaining explaining, PageRendering? rendering,
        CancellationToken cancellation)
    {
        var pages = PageInput.Expand(arguments);
        var single = arguments.Length == 1 && pages.Count == 1 && !Directory.Exists(arguments[0]);
        format ??= single ? ArticleWriter.Json : ArticleWriter.JsonLines;

        var extractor = new ArticleExtractor(new ExtractionOptions
        {
            IncludeMarkdown = format == ArticleWriter.Markdown, Explain = explaining.Explain, MinConfidence = explaining.MinConfidence,
        });
        using var loader = new PageLoader();
        using var stdout = Console.OpenStandardOutput();
        using var writer = ArticleWriter.Create(format, stdout, several: !single);

        var failed = 0;
        try
        {
            await Progress.RunAsync("extracting", pages.Count, async progress =>
            {
                await OrderedParallel.ForEachInOrderAsync(
                    pages,
                    jobs,
                    (page, token) => ExtractAsync(page, url, extractor, loader, rendering, token),
                    (page, outcome) =>
                    {
                        if (outcome.Warning is not null)
                            progress.Error($"gleaner: {page.Name}: {outcome.Warning}");
                        if (outcome.Article is { } article)
                            writer.WriteArticle(page.Name, article);
                        else
                        {
                            failed++;
                            progress.Error($"gleaner: {page.Name}: {outcome.Error}");
                            writer.WriteFailure(page.Name, outcome.Error!);
                        }
                        progress.Advance();
                    },
                    cancellation);
                writer.Finish();
                return 0;
            });
        }
        catch (IOException e)
        {
            // Reading errors are caught per input, so this is the output: a closed pipe or a full disk.
            Console.Error.WriteLine($"gleaner: cannot write the output: {e.Message}");
            return ExitCodes.SomeInputsFailed;
        }
        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    /// <summary>The record of one input, or why there is none; a warning when it was extracted without the rendering it needed.</summary>
    private readonly record struct Outcome(Article? Article, string? Error, string? Warning = null);

    private static async Task<Outcome> ExtractAsync(PageInput input, string? url, ArticleExtractor extractor, PageLoader loader, PageRendering? rendering,
        CancellationToken cancellation)
    {
        LoadedPage page;
        try
        {
            page = await loader.LoadAsync(input, url, cancellation);
        }
        catch (PageLoadException e)
        {
            return new Outcome(null, e.Message);
        }
        try
        {
            Article article;
            string? warning = null;
            if (rendering is not null && page.Fetched is not null && Uri.TryCreate(page.Url, UriKind.Absolute, out var address))
            {
                var rendered = await rendering.ExtractAsync(extractor, address, page.Bytes, page.ContentType, cancellation);
                (article, warning) = (rendered.Article, rendered.RenderError is { } failure ? $"not rendered ({rendered.RenderedBecause}): {failure}" : null);
            }
            else
                article = extractor.Extract(page.Bytes, page.ContentType, page.Url);
            if (page.Fetched is { } fetched)
                article.Fetched = IsoDates.FormatSeconds(fetched);
            return new Outcome(article, null, warning);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A page that trips the extractor must not stop the others; the message makes it reportable.
            return new Outcome(null, $"extraction failed: {e.GetType().Name}: {e.Message}");
        }
    }
}
