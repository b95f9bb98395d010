using System.Buffers;
using System.Collections.Frozen;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Gleaner.Extraction.Content;

/// <summary>
/// The second candidate for the body: the JSON-LD <c>articleBody</c> some publishers embed, often the
/// whole story when the visible page shows it in pieces or loads it with script.
/// </summary>
internal static class JsonLdBody
{
    /// <summary>Shorter article bodies are teasers, not the story.</summary>
    private const int MinBodyChars = 200;

    /// <summary>
    /// The longest <c>articleBody</c> string of the page, as lines, or null. <paramref name="isLiveBlog"/> when it is a
    /// <c>LiveBlogPosting</c>'s: a summary of the updates the page shows, not their text.
    /// </summary>
    public static List<string>? Find(PageContext page, out bool isLiveBlog)
    {
        string? best = null;
        isLiveBlog = false;
        foreach (var item in page.JsonLd)
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("articleBody", out var body)
                && body.ValueKind == JsonValueKind.String)
            {
                var value = body.GetString();
                if (value is not null && (best is null || value.Length > best.Length))
                {
                    best = value;
                    isLiveBlog = Metadata.JsonLdValues.IsType(item, "LiveBlogPosting");
                }
            }
        }
        if (best is null || best.Length < MinBodyChars)
            return null;
        var lines = ToLines(FirstTelling(best));
        if (best.AsSpan().ContainsAny(PlayerMarkSearch))
            RemovePlayerText(lines);
        return lines;
    }

    /// <summary>Characters of the body's opening looked for again where a body is written twice over.</summary>
    private const int RepeatProbeChars = 100;

    /// <summary>
    /// The body once, where the content system wrote it twice over (the whole story, then the whole story again from its
    /// first word): a longer body than the page's only by the repeat. A body that merely quotes its opening later is kept.
    /// </summary>
    internal static string FirstTelling(string body)
    {
        var text = body.AsSpan().Trim();
        if (text.Length < 2 * MinBodyChars)
            return body;
        int again = text[RepeatProbeChars..].IndexOf(text[..RepeatProbeChars], StringComparison.Ordinal);
        if (again < 0)
            return body;
        again += RepeatProbeChars;
        var repeat = text[again..];
        // The repeat runs to the end and holds nearly all of the first telling.
        return repeat.Length * 10 >= again * 9 && text.StartsWith(repeat, StringComparison.Ordinal) ? text[..again].ToString() : body;
    }

    /// <summary>
    /// Words only a video player's own text holds ("Video Player is loading.", "This is a modal window.", "Please enable
    /// JavaScript to view this video"): some content systems copy the player's markup into <c>articleBody</c> with the story.
    /// </summary>
    private static readonly string[] PlayerMarks =
    [
        "video player", "videoplayer", "modal window", "dialog window", "html5 video", "javascript",
    ];

    private static readonly SearchValues<string> PlayerMarkSearch = SearchValues.Create(PlayerMarks, StringComparison.OrdinalIgnoreCase);

    /// <summary>Words that ask for JavaScript to be switched on, or say it is needed: with "JavaScript" they make a player's notice.</summary>
    private static readonly SearchValues<string> EnableWordSearch = SearchValues.Create(
        ["enable", "enabling", "require", "disabled", "needed", "turn on", "switch on", "aktivier", "benötigt", "erforderlich", "deaktiviert",
         "activ", "attiv", "ativ", "inschakel", "włącz", "включ"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Words of a notice to the reader, beside "JavaScript" and an enable word: what cannot be shown, and a plea.</summary>
    private static readonly SearchValues<string> NoticeWordSearch = SearchValues.Create(
        ["video", "player", "browser", "content", "inhalt", "contenu", "contenido", "contenuto", "please", "bitte", "veuillez",
         "por favor", "per favore", "alstublieft", "proszę"], StringComparison.OrdinalIgnoreCase);

    /// <summary>A player's notice is one short sentence.</summary>
    private const int MaxNoticeChars = 160;

    /// <summary>A player's controls and labels, as sentences of their own beside its notices ("Play Video.", "Up Next.").</summary>
    private static readonly FrozenSet<string> PlayerControls = FrozenSet.ToFrozenSet(
    [
        "play", "play video", "pause", "replay", "mute", "unmute", "up next", "next up", "now playing", "watch next", "fullscreen",
        "non-fullscreen", "picture-in-picture", "playback rate", "chapters", "descriptions", "captions", "subtitles", "audio track",
        "live", "loaded: 0%", "current time 0:00", "duration 0:00", "remaining time -0:00", "stream type live",
        "seek to live, currently playing live", "escape will cancel and close the window", "beginning of dialog window",
        "end of dialog window", "close modal dialog", "weiter", "nächstes video", "abspielen", "lecture", "à suivre",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Takes a video player's text out of the lines: the sentences that are its notices, and then its control labels;
    /// lines left empty go.
    /// </summary>
    private static void RemovePlayerText(List<string> lines)
    {
        var kept = new StringBuilder();
        for (int index = lines.Count - 1; index >= 0; index--)
        {
            var line = lines[index];
            if (!line.AsSpan().ContainsAny(PlayerMarkSearch) && !PlayerControlLookup.Contains(line.AsSpan().TrimEnd(". ")))
                continue;
            kept.Clear();
            int start = 0;
            bool endsInCutNotice = false;
            while (start < line.Length)
            {
                int end = SentenceEnd(line, start);
                var sentence = line.AsSpan(start, end - start).Trim();
                if (!IsPlayerSentence(sentence))
                {
                    if (kept.Length > 0)
                        kept.Append(' ');
                    kept.Append(sentence);
                    endsInCutNotice = false;
                }
                else
                {
                    endsInCutNotice = sentence.Length > 0 && !LineFilter.IsSentenceMark(sentence[^1]);
                }
                start = end;
            }
            if (endsInCutNotice)
                RemoveWrappedRest(lines, index + 1);
            if (kept.Length == 0)
                lines.RemoveAt(index);
            else
                lines[index] = kept.ToString();
        }
    }

    /// <summary>Longest line read as the rest of a notice the page's source wrapped.</summary>
    private const int MaxWrappedRestChars = 40;

    /// <summary>Most lines a wrapped notice's rest runs over.</summary>
    private const int MaxWrappedRestLines = 4;

    /// <summary>
    /// The rest of a player's notice that the page's source wrapped over lines, copied into <c>articleBody</c> with its line
    /// breaks ("…consider upgrading to a web" / "browser that" / "supports HTML5" / "video"): short lines that go on in
    /// lower case, up to the one that ends the sentence.
    /// </summary>
    private static void RemoveWrappedRest(List<string> lines, int index)
    {
        for (int count = 0; count < MaxWrappedRestLines && index < lines.Count; count++)
        {
            var rest = lines[index].AsSpan().Trim();
            if (rest.Length == 0 || rest.Length > MaxWrappedRestChars || !char.IsLower(rest[0]))
                return;
            lines.RemoveAt(index);
            if (LineFilter.IsSentenceMark(rest[^1]))
                return;
        }
    }

    /// <summary>The index after the sentence that starts at <paramref name="start"/>: after its end mark and the space behind it.</summary>
    private static int SentenceEnd(string line, int start)
    {
        for (int i = start; i < line.Length - 1; i++)
            if (LineFilter.IsSentenceMark(line[i]) && line[i + 1] == ' ')
                return i + 2;
        return line.Length;
    }

    private static bool IsPlayerSentence(ReadOnlySpan<char> sentence)
    {
        var bare = sentence.TrimEnd(".!:; ");
        if (bare.Length == 0)
            return true;
        if (PlayerControlLookup.Contains(bare))
            return true;
        // A notice asks the reader to switch JavaScript on to see something; a sentence about JavaScript does not.
        if (sentence.Contains("javascript", StringComparison.OrdinalIgnoreCase))
            return sentence.Length <= MaxNoticeChars && sentence.ContainsAny(EnableWordSearch) && sentence.ContainsAny(NoticeWordSearch);
        return sentence.ContainsAny(PlayerMarkSearch);
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlayerControlLookup = PlayerControls.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Splits at line breaks (and at block tags, when the body carries HTML), normalizing spaces.</summary>
    internal static List<string> ToLines(string body)
    {
        if (body.Contains('<'))
            body = StripTags(body);
        if (body.Contains('&'))
            body = WebUtility.HtmlDecode(body);
        var lines = new List<string>();
        var line = new StringBuilder();
        bool pendingSpace = false;
        foreach (var c in body)
        {
            if (c is '\n' or '\r')
            {
                Flush(line, lines);
                pendingSpace = false;
                continue;
            }
            if (c <= ' ' || char.IsWhiteSpace(c))
            {
                pendingSpace = line.Length > 0;
                continue;
            }
            if (c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD')
                continue;
            if (pendingSpace)
                line.Append(' ');
            pendingSpace = false;
            line.Append(c);
        }
        Flush(line, lines);
        return lines;
    }

    private static void Flush(StringBuilder line, List<string> lines)
    {
        if (line.Length > 0)
            lines.Add(line.ToString());
        line.Clear();
    }

    /// <summary>Removes tags; paragraph-like tags become line breaks so paragraphs stay apart.</summary>
    private static string StripTags(string html)
    {
        var text = new StringBuilder(html.Length);
        int i = 0;
        while (i < html.Length)
        {
            char c = html[i];
            if (c != '<')
            {
                text.Append(c);
                i++;
                continue;
            }
            int end = html.IndexOf('>', i + 1);
            if (end < 0)
            {
                text.Append(html, i, html.Length - i);
                break;
            }
            var tag = html.AsSpan(i + 1, end - i - 1).TrimStart('/');
            if (IsLineTag(tag))
                text.Append('\n');
            i = end + 1;
        }
        return text.ToString();
    }

    private static bool IsLineTag(ReadOnlySpan<char> tag)
    {
        int nameLength = 0;
        while (nameLength < tag.Length && char.IsLetterOrDigit(tag[nameLength]))
            nameLength++;
        var name = tag[..nameLength];
        foreach (var lineTag in (ReadOnlySpan<string>)["p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"])
            if (name.Equals(lineTag, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }
}
