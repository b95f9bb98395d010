using System.Text.RegularExpressions;

namespace Gleaner.Extraction.Metadata;

/// <summary>
/// Turns a byline as publishers write it ("By Jane Doe and John Roe | Reuters, Sept. 27, 2021")
/// into person names. What is clearly an organisation is kept apart, to be used only when no
/// person is named.
/// </summary>
internal static partial class AuthorNames
{
    /// <summary>Job titles: a part with one of these is a job, not a person's name.</summary>
    private static readonly string[] JobWords =
    [
        "reporter", "reporters", "correspondent", "editor", "editors", "writer", "writers", "staff", "journalist", "columnist",
        "contributor", "contributing", "photographer", "producer", "analyst", "senior", "chief", "deputy", "associate",
        "freelance", "intern", "guest", "author", "anchor", "host", "presenter", "critic", "updated", "published", "posted",
        "redakteur", "redakteurin", "redaktion", "korrespondent", "korrespondentin", "autor", "autorin", "journaliste",
        "rédacteur", "rédaction", "redaction", "envoyé", "envoyée", "spécial", "periodista", "redacción", "redaccion",
        "corresponsal", "giornalista", "redazione", "inviato", "correspondente", "redação", "redacao", "repórter",
        "редакция", "корреспондент", "обозреватель", "редактор",
        "redactor", "redactora", "reportera", "columnista", "editora", "redattore", "redattrice", "jornalista", "colunista",
        "reporterin", "journalistin", "kolumnist", "kolumnistin", "chefredakteur", "chefredakteurin", "volontär", "volontärin",
        "manager", "director", "engineer", "developer", "designer", "scientist", "researcher", "specialist", "strategist", "consultant",
        "coordinator", "officer", "advocate", "evangelist", "ceo", "cto", "founder", "co-founder",
        "developers", "engineers", "designers", "researchers", "scientists", "experts", "authors", "journalists", "correspondents",
        "wartawan", "laporan", "jurnalis", "kontributor", "koresponden", "penulis",
        "toimittaja", "journalisti", "reportteri", "redaktør", "redaktör", "reportrar", "redaktor", "redaktorka", "dziennikarz",
        "dziennikarka", "novinář", "novinářka", "újságíró", "riporter", "muhabiri", "gazeteci", "verslaggever", "redacteur",
    ];

    private static readonly HashSet<string> JobWordLookup = new(JobWords, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A job word, also compounded as German writes jobs: after a hyphen ("FOCUS-online-Redakteurin", "ARD-Korrespondent") or as
    /// the end of one word ("Wirtschaftsredakteurin", "Gastautor", "Auslandskorrespondent").
    /// </summary>
    private static bool IsJobWord(string word)
    {
        if (JobWordLookup.Contains(word))
            return true;
        var dash = word.LastIndexOf('-');
        if (dash > 0 && dash < word.Length - 1 && JobWordLookup.Contains(word[(dash + 1)..]))
            return true;
        foreach (var ending in CompoundJobEndings)
            if (word.Length > ending.Length + MinCompoundHeadChars && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>Jobs that German compounds end with.</summary>
    private static readonly string[] CompoundJobEndings =
        ["redakteur", "redakteurin", "korrespondent", "korrespondentin", "reporter", "reporterin", "autor", "autorin", "journalist", "journalistin", "kolumnist", "kolumnistin"];

    /// <summary>Letters a compound's first part has at least ("Gast" in "Gastautor").</summary>
    private const int MinCompoundHeadChars = 3;

    /// <summary>Words that make a part a job title or an organisation rather than a person's name.</summary>
    private static readonly HashSet<string> NotNameWords = new(JobWords, StringComparer.OrdinalIgnoreCase)
    {
        // organisations and desks
        "news", "media", "press", "agency", "agencies", "inc", "ltd", "llc", "gmbh", "corp", "group", "team", "desk",
        "online", "digital", "newsroom", "wire", "wires", "service", "services", "network", "magazine", "daily", "times",
        "post", "tribune", "herald", "journal", "gazette", "reuters", "afp", "ap", "dpa", "efe", "ansa", "tass", "bloomberg",
        "associated", "ria", "novosti", "xinhua", "apa", "sda", "epd", "kna", "upi", "pa", "bbc", "cnn", "nbc", "abc",
        "admin", "administrator", "webmaster", "user", "editorial", "sponsored", "partner", "contributors", "and", "more",
        "read", "minutes", "follow", "share", "email", "twitter", "facebook", "view", "all", "posts", "articles", "profile", "bio",
        // the kind of piece, named before its author ("Ein Kommentar von …", "Une analyse de …", "A column by …")
        "kommentar", "analyse", "gastbeitrag", "gastkommentar", "kolumne", "essay", "commentary", "column", "opinion", "meinung",
        "artikel", "beitrag", "bericht", "article", "artículo", "articolo", "artigo",
        "interview", "reportage", "commentaire", "chronique", "éditorial", "columna", "análisis", "commento",
        "analisi", "rubrica", "комментарий", "колонка", "мнение",
    };

    /// <summary>News agencies' names and short names, which are no one's first or last name.</summary>
    private static readonly string[] Agencies =
    [
        "reuters", "afp", "ap", "dpa", "efe", "ansa", "tass", "bloomberg", "xinhua", "upi",
        "lusa", "kyodo", "yonhap", "bernama", "ritzau", "belga", "anp", "ctk", "adnkronos", "askanews", "agerpres", "tanjug", "pti", "ians",
        "ats", "pap", "ntb", "stt", "mti", "tasr", "tt", "čtk", "ttxvn", "vna", "antara", "anadolu", "共同", "共同通信", "時事", "時事通信", "ロイター", "新華社",
    ];

    private static readonly HashSet<string> AgencyLookup = new(Agencies, StringComparer.OrdinalIgnoreCase);

    /// <summary>True for a news agency's name ("dpa", "Reuters", "AFP").</summary>
    public static bool IsAgency(string word) => AgencyLookup.Contains(word);

    /// <summary>Organisation words: a part with one of these is an organisation, not a job title.</summary>
    private static readonly HashSet<string> OrganisationWords = new(Agencies, StringComparer.OrdinalIgnoreCase)
    {
        "news", "media", "press", "agency", "inc", "ltd", "llc", "gmbh", "corp", "group", "team", "desk", "online", "newsroom",
        "wire", "service", "network", "magazine", "daily", "times", "post", "tribune", "herald", "journal", "gazette",
        "associated", "bbc", "cnn",
        "redaktion", "rédaction", "redacción", "redazione", "редакция",
        // press offices and communication departments ("Biuro Prasowe", "Ufficio stampa", "Service de presse", "Pressestelle")
        "presse", "pressestelle", "prensa", "stampa", "imprensa", "prasowe", "prasowy", "biuro", "communications", "kommunikation",
        "comunicación", "comunicazione", "comunicação", "communicatie", "blog", "blogs", "podcast", "foundation", "works", "the", "international", "radio", "tv", "television", "channel", "business", "insider", "weekly", "today",
    };

    /// <summary>
    /// Splits and cleans a byline. Persons go to <paramref name="persons"/>, organisations to <paramref name="organisations"/>;
    /// short parts that are neither (one word, a desk: "Euronews", "MND Staff") to <paramref name="others"/>, for a caller
    /// that can tell whether they name the publication itself. A byline that is a label and one word that may be a first
    /// name or a pen name ("Von Jens", "Texte : Sandrine"; <paramref name="labelled"/> when the caller took the label off)
    /// adds the word to <paramref name="singleNames"/>.
    /// </summary>
    public static void Parse(string? byline, List<string> persons, List<string> organisations, List<string>? others = null, List<string>? singleNames = null,
        bool labelled = false)
    {
        if (string.IsNullOrWhiteSpace(byline))
            return;
        var text = TextCleaning.OneLine(byline);
        if (text is null || text.Length > 300 || LooksLikeUrl(text))
            return;
        // "김민수·이지은 기자": Korean reporters who share the job word are one run of names, as "王芳、张伟" is written.
        text = KoreanReporters().Replace(text, reporters => NameRunSeparator().Replace(reporters.Groups["names"].Value, "、"));
        var unlabelled = text.Length;
        text = GluedLabel().Replace(text, "");
        // "Über den Autor Klaus Zimmermann ist …": an author box's heading, read with its text.
        text = AboutTheAuthor().Replace(text, "");
        // "Door onze redacteur Jan de Vries", "By our correspondent Jane Doe": the desk's own staff, named after their job.
        text = OwnStaffLabel().Replace(text, "");
        labelled |= text.Length < unlabelled;
        // "Jane Doe is a reporter at the Ledger. ...": an author's bio line names the author first.
        if (BioName(text) is { } bioName)
            text = bioName;
        // "Text und Fotos: Sandra Weiß": the writer took the pictures too.
        var beforePictures = text.Length;
        text = TextAndPictures().Replace(text, "");
        labelled |= text.Length < beforePictures;
        // "Image: Getty Images", "Foto: dpa", "John Roe (Fotos)": who made the pictures, not the story.
        text = NameCreditedForPictures().Replace(text, " ");
        text = CreditTail().Replace(text, "");
        text = GluedNoise().Replace(text, "");
        text = Emails().Replace(text, " ");
        text = Urls().Replace(text, " ");
        text = Handles().Replace(text, " ");
        text = DateParser.RemoveDates(text);
        text = ReportedFrom().Replace(text, "");
        text = FiledUnder().Replace(text, "");
        // "Bruno (Henrique Zecchin) Rodrigues": brackets inside a name only mark a part of it;
        // elsewhere they hold an agency or a note ("(Reuters)", "(avec ...)") and separate.
        text = BracketsInsideName().Replace(text, "$1");
        text = Parenthesised().Replace(text, m => SourceNote().IsMatch(m.ValueSpan[1..^1]) ? " , " : " , " + m.Value[1..^1] + " , ");
        text = EditorsAndOthers().Replace(text, "");
        text = Dateline().Replace(text, " ");
        text = Weekdays().Replace(text, " ");
        text = SentenceEnd().Replace(text, " | ");
        text = AgencyDash().Replace(text, " – ");

        text = SeparateNamesFromJobs(text);
        text = GluedConjunction().Replace(text, " ${and} ");
        var segments = Segments().Split(text);
        // "（鈴木一郎）" leaves empty parts around the name: it is still the whole byline.
        var filledSegments = 0;
        foreach (var segment in segments)
            if (!string.IsNullOrWhiteSpace(segment))
                filledSegments++;
        // "สมชาย ใจดี และ วิภา สุขใจ": two names that a conjunction joins are each as whole as a byline of one.
        var conjoinedPair = filledSegments == 2 && IsConjoinedPair(text);
        var lastFilled = segments.Length - 1;
        while (lastFilled > 0 && string.IsNullOrWhiteSpace(segments[lastFilled]))
            lastFilled--;
        var firstNew = persons.Count;
        var afterPerson = false;
        var segmentEnd = 0;
        for (var index = 0; index < segments.Length; index++)
        {
            var segment = segments[index];
            // What stood between this part and the one before: "and" joins two names, a bar or a dot a name and its job.
            var segmentAt = text.IndexOf(segment, segmentEnd, StringComparison.Ordinal);
            var separator = segmentAt > segmentEnd ? text.AsSpan(segmentEnd, segmentAt - segmentEnd) : [];
            var joinedByConjunction = JoinsNames(separator);
            if (segmentAt >= 0)
                segmentEnd = segmentAt + segment.Length;
            var part = segment.Trim();
            // "Por Ana Souza, Portal Paulista — São Paulo", "By Jane Doe, Staff — Denver": a last part set off by a spaced dash
            // after the names is where the story was filed, not another writer.
            if (index == lastFilled && index > 0 && persons.Count > firstNew && IsSpacedDash(separator))
                continue;
            // "Por Ana Paula Souza, da Agência Negócios": after a name, a part that opens with a particle names where the
            // writer works, not a second writer.
            if (persons.Count > firstNew && !joinedByConjunction && WorkplaceAfterName().IsMatch(part))
                continue;
            var unlabelledPart = part.Length;
            part = LeadingLabel().Replace(part, "");
            var afterLabel = labelled || part.Length < unlabelledPart;
            part = JobSuffix().Replace(part, "");
            part = Degrees().Replace(part, "");
            part = TrailingNoise().Replace(part, "");
            // "佐藤健一と山田花子", "王小明和李华": two names joined without spaces, each of them a whole name.
            if (filledSegments == 1 && CjkNamePair().IsMatch(part) && AddCjkNames(part, persons))
                continue;
            // "MARY CLARE JALONICK Associated Press": a name in capitals run onto the agency it writes for.
            if (CapitalisedNameBeforeOrganisation(part) is > 0 and var nameEnd)
            {
                var agency = part[nameEnd..].Trim();
                if (!EndsWithJobWord(agency) && !organisations.Contains(agency, StringComparer.OrdinalIgnoreCase))
                    organisations.Add(agency);
                part = part[..nameEnd];
            }
            var untrimmed = part;
            // "Per Lie · Fotograf": the name before a picture job took the pictures; it credits no writer.
            if (afterPerson && !joinedByConjunction && persons.Count > firstNew && IsPictureJob(part))
            {
                persons.RemoveAt(persons.Count - 1);
                afterPerson = false;
                continue;
            }
            // "Amelia Hart · Local Government Reporter": a job line after a name is the job, however many words it has.
            if (afterPerson && !joinedByConjunction && EndsWithJobWord(part))
                continue;
            // "Redakteurin Anna Lang" alone is a job and a name; among other parts ("Laporan Wartawan Kabar Harian, Dewi
            // Lestari") a part that opens with job words is the job line, and what follows them is the outlet.
            if (filledSegments == 1)
                part = WithoutLeadingJobTitle(part);
            part = WithoutLowerCaseJobLead(part);
            part = WithoutTrailingJobTitle(part);
            part = TextCleaning.CollapseWhitespace(part).Trim(' ', ',', '.', ':', ';', '-', '–', '—', '|', '/', '·', '•', '*', '"', '\'', '“', '”', '«', '»', '(', ')', '[', ']');
            if (part.Length < 2)
                continue;
            var kind = Classify(part, wholeByline: filledSegments == 1 || conjoinedPair);
            // "EFE Valencia", "AFP Paris": an agency's name and the place it filed from credit the agency.
            if (kind == NameKind.Organisation)
                part = WithoutAgencyPlace(part);
            var target = kind switch
            {
                NameKind.Person => persons,
                NameKind.Organisation => organisations,
                _ => part.Length <= MaxOtherChars ? others : null,
            };
            // A desk credit keeps its job words: "Guardian staff reporter", "Daily Ledger staff" are the outlet's credits as written.
            if ((kind == NameKind.None || kind == NameKind.Organisation && StaffCredit().IsMatch(untrimmed)) && target is not null)
                part = TextCleaning.CollapseWhitespace(untrimmed).Trim(' ', ',', '.', ':', ';', '-', '–', '—', '|', '/', '·', '•', '*', '"', '\'', '“', '”', '«', '»', '(', ')', '[', ']');
            if (target is not null && !target.Contains(part, StringComparer.OrdinalIgnoreCase))
                target.Add(part);
            if (kind == NameKind.None && singleNames is not null && afterLabel && filledSegments == 1 && IsSingleName(part)
                && !singleNames.Contains(part, StringComparer.OrdinalIgnoreCase))
                singleNames.Add(part);
            afterPerson = kind == NameKind.Person;
        }
        MoveCapitalisedOutlets(persons, firstNew, organisations);
    }

    /// <summary>True for a role line that is a picture job alone, or its last word after at most two more ("Staff Photographer").</summary>
    private static bool IsPictureJob(string part)
    {
        var trimmed = part.Trim(' ', '.', ',', ':', '(', ')');
        var lastSpace = trimmed.LastIndexOf(' ');
        return PictureJobs.Contains(lastSpace < 0 ? trimmed : trimmed[(lastSpace + 1)..]) && trimmed.Split(' ').Length <= 3;
    }

    /// <summary>True for a separator that is a dash with space on both sides (" – ", " - ").</summary>
    private static bool IsSpacedDash(ReadOnlySpan<char> separator)
    {
        var trimmed = separator.Trim();
        return trimmed.Length == 1 && trimmed[0] is '-' or '–' or '—' && separator.Length >= 3 && char.IsWhiteSpace(separator[0]) && char.IsWhiteSpace(separator[^1]);
    }

    /// <summary>
    /// "Ola Hansen Journalist Kari Berg Fotograf": names each followed by their job, run together where a layout's name and
    /// role elements touch, as separate parts; a name whose job is taking pictures is left out. Text of any other shape
    /// (a lower-case word that is no particle, a single name) is returned as it is.
    /// </summary>
    private static string SeparateNamesFromJobs(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < MinNamesWithJobsWords)
            return text;
        var names = new List<string>(2);
        var runStart = -1;
        var runs = 0;
        for (var i = 0; i <= words.Length; i++)
        {
            var bare = i < words.Length ? words[i].Trim('.', ',', ':', ';') : "";
            var isJob = bare.Length > 0 && (PictureJobs.Contains(bare) || NotNameWords.Contains(bare) && !OrganisationWords.Contains(bare));
            if (i < words.Length && !isJob)
            {
                if (bare.Length == 0 || !char.IsUpper(bare[0]) && !IsParticle(bare))
                    return text;
                if (runStart < 0)
                    runStart = i;
                continue;
            }
            if (runStart >= 0)
            {
                runs++;
                if (!PictureJobs.Contains(bare))
                    names.Add(string.Join(' ', words, runStart, i - runStart));
                runStart = -1;
            }
        }
        return runs >= 2 ? string.Join(" | ", names) : text;
    }

    /// <summary>Words of the shortest run of two names each with a job ("Ola Hansen Journalist Kari Berg Fotograf" has six).</summary>
    private const int MinNamesWithJobsWords = 5;

    /// <summary>The job of who took the pictures, as a byline's role line writes it.</summary>
    private static readonly HashSet<string> PictureJobs = new(StringComparer.OrdinalIgnoreCase)
    {
        "photographer", "photojournalist", "fotograf", "fotografin", "fotografe", "fotógrafo", "fotógrafa", "fotografo", "fotografa",
        "photographe", "фотограф", "valokuvaaja", "kuvaaja", "videographer", "cameraman",
    };

    /// <summary>
    /// Where a part opens with two or more words in capitals and goes on in mixed case with an organisation's word
    /// ("KEVIN FREKING Associated Press", "JONAH WHITFIELD AP Economics Writer") or ends with a job word ("DALE FERRIS Staff
    /// Writer"), the length of the name in capitals; else 0.
    /// </summary>
    private static int CapitalisedNameBeforeOrganisation(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var capitals = 0;
        while (capitals < words.Length && IsCapitalsOnly(words[capitals]))
            capitals++;
        if (capitals == words.Length)
            return 0;
        // "JONAH WHITFIELD AP Economics Writer": an agency's short name in capitals after the name opens the tail.
        var tailStart = capitals;
        while (tailStart > 2 && OrganisationWords.Contains(words[tailStart - 1].Trim('.', ',', ':')))
            tailStart--;
        if (tailStart < 2)
            return 0;
        var organisation = tailStart < capitals;
        for (var i = capitals; i < words.Length; i++)
        {
            var bare = words[i].Trim('.', ',', ':');
            if (bare.Length == 0 || !char.IsUpper(bare[0]) || IsCapitalsOnly(bare))
                return 0;
            organisation |= OrganisationWords.Contains(bare);
        }
        // "DALE FERRIS Staff Writer": a job title after the name in capitals is no part of it either.
        if (!organisation && !JobWordLookup.Contains(words[^1].Trim('.', ',', ':')))
            return 0;
        capitals = tailStart;
        var end = 0;
        for (var i = 0; i < capitals; i++)
            end = part.IndexOf(words[i], end, StringComparison.Ordinal) + words[i].Length;
        return end;
    }

    /// <summary>
    /// "David Straub, MDR THÜRINGEN": where a byline writes a name in mixed case, a part in capitals
    /// only is the outlet or desk, not a second author. Bylines in capitals throughout keep all names.
    /// </summary>
    private static void MoveCapitalisedOutlets(List<string> persons, int firstNew, List<string> organisations)
    {
        var mixed = false;
        for (var i = firstNew; i < persons.Count && !mixed; i++)
            mixed = !IsCapitalsOnly(persons[i]);
        if (!mixed)
            return;
        for (var i = persons.Count - 1; i >= firstNew; i--)
        {
            if (!IsCapitalsOnly(persons[i]))
                continue;
            if (!organisations.Contains(persons[i], StringComparer.OrdinalIgnoreCase))
                organisations.Add(persons[i]);
            persons.RemoveAt(i);
        }
    }

    private static bool IsCapitalsOnly(string name)
    {
        var letters = 0;
        foreach (var c in name)
        {
            if (char.IsLower(c))
                return false;
            if (char.IsUpper(c))
                letters++;
        }
        return letters > 1;
    }

    /// <summary>
    /// "Jane Doe Senior Reporter" as "Jane Doe": job words after a name of two or more words, where a
    /// layout runs the job line onto the name. Organisation words stay, so "Jane Doe Reuters" is still an agency credit.
    /// </summary>
    private static string WithoutTrailingJobTitle(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3)
            return part;
        var cut = words.Length;
        while (cut > 2 && words[cut - 1].Trim('.', ',', ':') is var bare && NotNameWords.Contains(bare) && !OrganisationWords.Contains(bare))
            cut--;
        // "Ben Silverman Games Editor": a one-word job after three words may have cut a job title in half.
        if (cut == words.Length || cut > 3 || (cut == 3 && words.Length - cut < 2))
            return part;
        return string.Join(' ', words, 0, cut);
    }

    /// <summary>
    /// "Redakteurin Anna Lang", "Senior Correspondent Jane Doe" as a byline's only part: job words before a name of two or more
    /// capitalised words. Only job titles go; an outlet's or a desk's word ("Guardian staff reporter") keeps the part as the desk's credit.
    /// </summary>
    private static string WithoutLeadingJobTitle(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3)
            return part;
        var start = 0;
        while (start < words.Length - 2 && IsJobWord(words[start].Trim('.', ',', ':')))
            start++;
        if (start == 0)
            return part;
        for (var i = start; i < words.Length; i++)
            if (!char.IsUpper(words[i][0]) && !IsParticle(words[i]))
                return part;
        return string.Join(' ', words, start, words.Length - start);
    }

    /// <summary>
    /// "political reporter Jane Norman", "Europe correspondent Nick Dole", "senior business reporter Li Wei": a job written in lower
    /// case, as a sentence names it, before a name of two or more capitalised words, in any part of a byline ("By political reporter
    /// Jane Norman and Tom Lowrey"). Before the job, only lower-case words or one capitalised word (a beat: "Europe", "Health").
    /// A job line in capitals ("Laporan Wartawan Kabar Harian") is not read so: what follows it there is the outlet.
    /// </summary>
    private static string WithoutLowerCaseJobLead(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3)
            return part;
        var job = -1;
        for (var i = 0; i < words.Length - 2 && i <= MaxJobLeadWords; i++)
        {
            var word = words[i];
            if (!char.IsLower(word[0]))
            {
                if (i > 0)
                    break;
                continue;
            }
            if (IsJobWord(word.Trim('.', ',', ':')))
                job = i;
        }
        if (job < 0)
            return part;
        for (var i = job + 1; i < words.Length; i++)
            if (!char.IsUpper(words[i][0]) && !IsParticle(words[i]))
                return part;
        return string.Join(' ', words, job + 1, words.Length - job - 1);
    }

    /// <summary>Index of the last word a job written before a name may end at ("chief political correspondent" ends at 2).</summary>
    private const int MaxJobLeadWords = 3;

    /// <summary>The agency alone where a part is an agency's name followed by one capitalised word of no organisation: the
    /// place its story was filed from ("EFE Valencia", "dpa Hamburg"); any other part as it is (a desk of two words is no place:
    /// "Reuters Fact Check").</summary>
    private static string WithoutAgencyPlace(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2 || !AgencyLookup.Contains(words[0]))
            return part;
        for (var i = 1; i < words.Length; i++)
            if (!char.IsUpper(words[i][0]) || OrganisationWords.Contains(words[i]) || NotNameWords.Contains(words[i]) || AgencyTitleWords.Contains(words[i]))
                return part;
        return words[0];
    }

    /// <summary>Words of an agency's own full name ("Anadolu Ajansı", "Kyodo Tsushin"), not a place.</summary>
    private static readonly HashSet<string> AgencyTitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ajansı", "ajans", "agency", "agentur", "agencia", "agence", "agenzia", "agência", "agencja", "agentschap", "tsushin", "nachrichten", "deutschland",
    };

    /// <summary>The name a bio line opens with ("Laura Chen is a senior fellow at …"), or null when the text is no bio line.</summary>
    public static string? BioName(string text) => BioSentence().Match(text) is { Success: true } bio ? bio.Groups["name"].Value : null;

    /// <summary>
    /// Arabic "و" and Hebrew "ו" ("and") written onto the second of two names of two words each ("محمد علي وسارة حسن",
    /// "דנה לוי ויוסי כהן"), to be spaced as a conjunction: four words in these scripts are no one name Gleaner reads anyway.
    /// </summary>
    [GeneratedRegex(@"(?<=(?:^|[:：]|\s)[\u0600-\u06FF]{2,}\s[\u0600-\u06FF]{2,})\s(?<and>و)(?=[\u0600-\u06FF]{2,}\s[\u0600-\u06FF]{2,}\s*$)|(?<=(?:^|[:：]|\s)[\u05D0-\u05EA'׳\-]{2,}\s[\u05D0-\u05EA'׳\-]{2,})\s(?<and>ו)(?=[\u05D0-\u05EA'׳\-]{2,}\s[\u05D0-\u05EA'׳\-]{2,}\s*$)")]
    private static partial Regex GluedConjunction();

    /// <summary>True when the separator between the two filled parts of the text is a conjunction.</summary>
    private static bool IsConjoinedPair(string text)
    {
        foreach (var separator in Segments().EnumerateMatches(text))
        {
            var end = separator.Index + separator.Length;
            if (!text.AsSpan(0, separator.Index).IsWhiteSpace() && !text.AsSpan(end).IsWhiteSpace())
                return JoinsNames(text.AsSpan(separator.Index, separator.Length));
        }
        return false;
    }

    /// <summary>True for a word that joins two names in a byline ("and", "und", "et", "y", "e", "en", "og", "och", "i", "oraz").</summary>
    public static bool IsConjunction(string word) => Conjunctions.Contains(word);

    private static readonly HashSet<string> Conjunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "und", "et", "y", "e", "i", "en", "og", "och", "ve", "és", "a", "ja", "dan", "și", "şi", "και", "và", "та", "и", "oraz", "&",
    };

    /// <summary>True when a separator between two parts is a conjunction ("and", "und", "&amp;"), which joins two names.</summary>
    private static bool JoinsNames(ReadOnlySpan<char> separator)
    {
        foreach (var c in separator)
            if (char.IsLetter(c) || c == '&')
                return true;
        return false;
    }

    /// <summary>True when the part's last word is a job ("reporter", "editor") and no organisation's word.</summary>
    private static bool EndsWithJobWord(string part)
    {
        var lastSpace = part.LastIndexOf(' ');
        if (lastSpace < 0)
            return false;
        var last = part[(lastSpace + 1)..].Trim('.', ',', ':');
        return NotNameWords.Contains(last) && !OrganisationWords.Contains(last);
    }

    /// <summary>True for a user account's handle in lower case ("jdoe", "m.keller", "anna_b"): not a job, desk or agency word
    /// ("admin", "redaktion", "dpa").</summary>
    public static bool IsUserHandle(string handle) =>
        handle.Length is >= MinSingleNameChars and <= MaxSingleNameChars && char.IsLetter(handle[0])
        && !NotNameWords.Contains(handle) && !OrganisationWords.Contains(handle) && !NoOnesName.Contains(handle);

    /// <summary>
    /// True for a credit of one capitalised word that could be a first name or a pen name ("Clara", "Sandrine"): letters only
    /// (a hyphen inside), in mixed case (capitals only is an agency's short name: "SID", "KNA"), and no job, desk or agency word.
    /// Gleaner reads it only from a byline and only where nobody else is credited.
    /// </summary>
    public static bool IsSingleName(string credit)
    {
        if (credit.Length is < MinSingleNameChars or > MaxSingleNameChars || !char.IsUpper(credit[0]) || IsCapitalsOnly(credit))
            return false;
        foreach (var c in credit)
            if (!char.IsLetter(c) && c != '-')
                return false;
        if (NotNameWords.Contains(credit) || OrganisationWords.Contains(credit) || NoOnesName.Contains(credit))
            return false;
        foreach (var ending in OfficeEndings)
            if (credit.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
                return false;
        return true;
    }

    /// <summary>Endings of the nouns an office, a department or a club's officer signs with ("Hauptamt", "Pressestelle",
    /// "Kommunikation", "Geschäftsführung", "Schriftführer", "Pressewart"), which no first name has.</summary>
    private static readonly string[] OfficeEndings = ["amt", "stelle", "ung", "heit", "keit", "schaft", "büro", "referat", "dienst", "tion", "verein", "verband", "team",
        "führer", "führerin", "wart", "wartin", "sprecher", "sprecherin", "vorstand", "vorsitzende", "vorsitzender"];

    private const int MinSingleNameChars = 3;
    private const int MaxSingleNameChars = 20;

    /// <summary>One-word credits that stand for nobody in particular.</summary>
    private static readonly HashSet<string> NoOnesName = new(StringComparer.OrdinalIgnoreCase)
    {
        "anonymous", "anonym", "anonyme", "anónimo", "anonimo", "unknown", "unbekannt", "gast", "gastautor", "gastautorin", "invité", "invitado",
        "ospite", "leserbrief", "leser", "reader", "readers", "user", "moderator", "moderation", "unternehmen", "verlag", "verwaltung",
        "pressestelle", "presse", "stadt", "gemeinde", "polizei", "sport", "politik", "wirtschaft", "kultur", "lokales",
    };

    private enum NameKind { None, Person, Organisation }

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    /// <summary>A part longer than this that is neither a person nor an organisation is prose, not a desk or an outlet's name.</summary>
    private const int MaxOtherChars = 40;

    private static NameKind Classify(string part, bool wholeByline)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 6 || IsProse(words))
            return NameKind.None;
        var hasCase = false;
        var allCapitalised = true;
        // Digits rule out a person but not a desk ("BR24 Redaktion"): decided once the words are read.
        var hasDigit = false;
        foreach (var word in words)
        {
            foreach (var c in word)
            {
                // Sentence punctuation ("。", "，", "【", "!") is prose; names hold only stops, apostrophes, hyphens and the middle dot.
                if (char.IsDigit(c))
                {
                    // A number alone ("2024", "5") is a date or a counter, not part of any credit.
                    if (!word.AsSpan().ContainsAnyExcept(Digits))
                        return NameKind.None;
                    hasDigit = true;
                }
                if (char.IsPunctuation(c) && c is not ('.' or '\'' or '’' or '-' or '‐' or '‑' or '·' or '・'))
                    return NameKind.None;
                // Latin, Cyrillic, Greek: scripts with case, whose names are written in words.
                if (char.IsUpper(c) || char.IsLower(c))
                    hasCase = true;
            }
            var bare = word.Trim('.', ',', ':', '\'', '’');
            if (OrganisationWords.Contains(bare))
                return NameKind.Organisation;
            if (NotNameWords.Contains(bare))
                return NameKind.None;
            // Particles of names (van, de, von, bin, da...) are lower case, also joined to the name ("al-Mansouri", "d'Amico");
            // anything else lower case is prose.
            if (bare.Length > 0 && char.IsLower(bare[0]) && !IsParticle(bare))
                allCapitalised = false;
        }
        // A name opens with the given name: a part that opens with a particle ("do Jornal do Vale", "de la Redacción") names
        // where the author works.
        if (words[0].Length > 0 && char.IsLower(words[0][0]))
            return NameKind.None;
        if (!allCapitalised || hasDigit)
            return NameKind.None;
        // A name in a script with case has at least two words; CJK and other scripts write names without spaces.
        if (hasCase && words.Length < 2)
            return NameKind.None;
        // Names in scripts without case (CJK) are written without spaces and are short.
        // A fragment of a longer uncased text ("人氣" after a byline's counters) is not a name.
        if (!hasCase && (part.Length > 24 || words.Length > 3 || !wholeByline))
            return NameKind.None;
        if (hasCase && !HasCasedLetters(words))
            return NameKind.None;
        return NameKind.Person;
    }

    /// <summary>
    /// True when two or more words are lower case and neither particles nor organisation words: a sentence
    /// ("He previously worked at the Courier"), which names no organisation even when it holds "the" or "news".
    /// </summary>
    private static bool IsProse(string[] words)
    {
        var lowerWords = 0;
        foreach (var word in words)
        {
            var bare = word.Trim('.', ',', ':', '\'', '’');
            if (bare.Length > 0 && char.IsLower(bare[0]) && !IsParticle(bare) && !OrganisationWords.Contains(bare) && !Connectors.Contains(bare))
                lowerWords++;
        }
        return lowerWords >= 2;
    }

    /// <summary>Small words inside an organisation's name ("Organization for Transformative Works", "Le Figaro et AFP").</summary>
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "and", "the", "und", "et", "des", "für", "på", "och" };

    /// <summary>False when a word has no letter with case (a CJK phrase with a Latin brand name in it).</summary>
    private static bool HasCasedLetters(string[] words)
    {
        foreach (var word in words)
        {
            var cased = false;
            foreach (var c in word)
                if (char.IsUpper(c) || char.IsLower(c))
                {
                    cased = true;
                    break;
                }
            if (!cased && word.Any(char.IsLetter))
                return false;
        }
        return true;
    }

    /// <summary>Adds each name of a run of CJK names joined by と, 和, 及, 与 or 、 when every one has two to four characters
    /// (so a given name that holds 和, "王和平", stays whole); false when they do not.</summary>
    private static bool AddCjkNames(string part, List<string> persons)
    {
        var names = part.Split(CjkNameJoints);
        foreach (var name in names)
            if (name.Length is < 2 or > 4)
                return false;
        foreach (var name in names)
            if (!persons.Contains(name, StringComparer.Ordinal))
                persons.Add(name);
        return true;
    }

    private static readonly char[] CjkNameJoints = ['と', '和', '及', '与', '、'];

    [GeneratedRegex(@"^(?:\p{IsCJKUnifiedIdeographs}{2,4}(?:[と和及与、]\p{IsCJKUnifiedIdeographs}{2,4})+|\p{IsHangulSyllables}{2,4}(?:、\p{IsHangulSyllables}{2,4})+)$")]
    private static partial Regex CjkNamePair();

    /// <summary>True for a particle alone ("van") or joined to the name by a hyphen or an apostrophe ("al-Mansouri", "d'Amico").</summary>
    private static bool IsParticle(string word)
    {
        if (Particles.Contains(word))
            return true;
        var joint = word.AsSpan().IndexOfAny('-', '\'', '’');
        return joint > 0 && joint < word.Length - 1 && char.IsUpper(word[joint + 1]) && (Particles.Contains(word[..joint]) || word[..joint] is "d" or "l");
    }

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "de", "der", "den", "del", "della", "di", "da", "do", "dos", "das", "du", "la", "le", "bin", "ibn", "al", "el", "ten", "ter", "zu", "y", "e",
    };

    private static bool LooksLikeUrl(string text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
        text.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || (text.Contains('/') && !text.Contains(' '));

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+\.[\w.\-]+")]
    private static partial Regex Emails();

    [GeneratedRegex(@"https?://[^\s)\]]+|www\.[^\s)\]]+")]
    private static partial Regex Urls();

    [GeneratedRegex(@"(?<!\w)@\w+")]
    private static partial Regex Handles();

    [GeneratedRegex(@"\([^)]*\)|\[[^\]]*\]|（[^）]*）")]
    private static partial Regex Parenthesised();

    /// <summary>A dash without spaces between an agency's short name and a name ("STT–Mikko Virtanen"), which separates them.</summary>
    [GeneratedRegex(@"(?<=(?:^|\s)\p{Lu}{2,5})[–—](?=\p{Lu}\p{Ll})|(?<=\p{Ll})[–—](?=\p{Lu}{2,5}(?:\s|$))")]
    private static partial Regex AgencyDash();

    /// <summary>A credit that ends with "staff": the outlet's desk, credited as such.</summary>
    [GeneratedRegex(@"\s(?:staff|staff writers?|staff reporters?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StaffCredit();

    /// <summary>A note in brackets that names where the story came from, not who wrote it: Vietnamese "(Theo TTXVN)", "(Nguồn: VOV)".</summary>
    [GeneratedRegex(@"^\s*(?:theo|nguồn)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceNote();

    [GeneratedRegex(@"(?<=\p{L}\s*)\((\p{Lu}[\p{L}.'\- ]*)\)(?=\s*\p{Lu})")]
    private static partial Regex BracketsInsideName();

    /// <summary>"in London", "aus Berlin", "à Paris", "em Brasília": where the author wrote from, not part of the name.</summary>
    [GeneratedRegex(@"\s(?:in|from|aus|à|desde|em|из|в)\s+\p{Lu}[\p{L}.'\-]*(?:\s\p{Lu}[\p{L}.'\-]*)?")]
    private static partial Regex Dateline();

    /// <summary>Weekday names left after a date was removed ("Malcolm Owen Monday", "Jeff FoustMonday" where elements touched; "on Tue," as Drupal abbreviates, after "on" only: "Li Sun, Reporter").</summary>
    [GeneratedRegex(@"(?:\b|(?<=\p{Ll}))(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b,?|\bon\s+(?-i:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\.?,", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weekdays();

    /// <summary>A full stop after a word (not an initial, not a title before the name: "Prof. Dr. Stefan Krämer") ends a name:
    /// "Finian Cunningham. Sputnik International".</summary>
    [GeneratedRegex(@"(?<=\p{Ll}{2,})(?<!\b(?:Prof|Dr|Mr|Mrs|Ms|Mag|Ing|Dipl|Univ|Priv|Doz|Rev|Hon|Sr|Jr))\.\s+(?=\p{Lu})")]
    private static partial Regex SentenceEnd();

    /// <summary>Editors, photographers and contributors credited after the authors are not authors ("Reporting by" at the
    /// start is the authors' own label, Reuters style: "Reporting by Jane Doe; Editing by John Roe"), up to a writer's label that
    /// follows ("Photos by Sam Okada | Story by Nora Lindqvist"); so is who compiled the text
    /// after its author (Polish "Autor: Anna Kowalska, oprac. Piotr Nowak", also where the layout put no comma between: "Anna Kowalska Opracowanie: Piotr Nowak").</summary>
    [GeneratedRegex(@"(?:\b(?:edited|editing|produced|illustrated|illustrations?|artwork|animation|graphics|design|photographs|photography|photos?|video|additional reporting|research|translated|fact-checked|fact\s+checked|(?:medically\s+)?reviewed)|(?<=\S.*)\breporting)\s+by\b.*?(?=\s*[|;,·•/]?\s*\b(?:story|words|text|written|interview)\s+by\b|$)|(?<=\S.*)\b(?:bewerkt|geredigeerd|eindredactie|bearbeitet|redigiert|redigé|édité|editado|editada|revisado|revisada|modificato|redatto|tradotto|traduit|traducido|traduzido|vertaald|übersetzt)\s+(?:door|von|par|por|da|de)\b.*$|(?<=\p{L}.*(?:[,;|]\s*|\s))(?:oprac\.|opracowanie:?)\s.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EditorsAndOthers();

    /// <summary>True for text that ends with a label crediting other work than the writing ("Edited by", "Photographs by:", "Фото:",
    /// "Fotos:"; not "Text und Fotos:", which credits the writer).</summary>
    public static bool EndsWithOtherWorkLabel(string text) => OtherWorkLabelAtEnd().IsMatch(text);

    [GeneratedRegex(@"\b(?:edited|editing|produced|illustrated|illustrations?|artwork|animation|graphics|design|photographs|photography|photos?|video|translated|fact-checked|fact\s+checked|(?:medically\s+)?reviewed)\s+by\s*:?\s*$|(?<!(?:\b(?:und|and|et|en|y|e|i|ja|och|og)|[&+])\s*)\b(?:" + CreditWords + @")\s*[:：]\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherWorkLabelAtEnd();

    /// <summary>Between names: commas, semicolons, bars, slashes, bullets, "and" in several languages, a second "by", a
    /// capitalised "For" before the outlet ("By Jane Doe For The Daily Example"; "Organization for Transformative Works" is one name).</summary>
    [GeneratedRegex(@"\s*(?:[,;|/•·]|\s[-–—]\s|\s(?:and|und|et|y|e|i|и|og|och|en|ve|és|a|(?-i:ja|dan|și|şi|και|và|та|oraz|और|และ|و|ו))\s|&|\s(?:by|von|par|por|di|door|avec|with|mit|con|com|med|(?-i:For|FOR))\s)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Segments();

    /// <summary>"By", "Von", "Par", "Por", "Di", "Автор:", "Written by", "Text:" and similar labels before a name.</summary>
    [GeneratedRegex(@"^(?:news\s+provided\s+by\s*|(?:written|posted|submitted|reported|reporting|story|text|words|photos?|edited|compiled|published|interview|interviewed)\s+by\s*|(?:das\s+interview\s+führten?|die\s+fragen\s+stellten?|propos\s+recueillis\s+par|(?:entretien|interview)\s+réalisée?\s+par|entrevista\s+(?:(?:realizada|hecha|feita)\s+)?por)\s+|(?:geschrieben|verfasst)\s+von\s+|(?:text|texte|texto|testo|tekst)\s+(?:von|de|di|by|door|od)\s+|(?:escrito|escrita)\s+por\s+|scritto\s+da\s+|a\s+cura\s+di\s+|écrit\s+par\s+|skrevet\s+a[fv]\s+|(?:(?:diposting|ditulis|dipublikasikan|dikirim)\s+)?oleh\s+|(?:by|von|par|por|door|przez|af|av|od|avec|with|mit|con|com|med|rozmawia(?:ł|ła|li|ły))(?:\s*[:：]\s*|\s+)|(?:di|da|de)\s+(?=\p{Lu})|(?:автор[ыа]?|текст|author|authors|autor(?:in|innen|a|ka|es|en|zy)?|auteurs?|autor[ei]|text|texte|texto|testo|tekst|words|von|yazar|yazan|kirjoittaja|szerző|forfatter|författare|napisał[a]?|penulis|tác giả|συντάκτης|haber|muhabir|teksti|opracowanie|írta|gastautor(?:in)?|reporter|reporterin|repórter|reportero|reportera|interview|interviews|entretien|entrevista|intervista)\s*:\s*|oprac\.\s*|автор\s+|(?:του|της)\s+(?=\p{Lu})|γράφει\s+(?:ο|η)\s+|(?:بقلم|כתב|כתבה|מאת|نویسنده|نگارنده|خبرنگار|گزارشگر|مراسل|مراسلة|الكاتب|الكاتبة|लेखक|लेखिका|संवाददाता|रिपोर्टर|रिपोर्ट|ผู้เขียน|เขียนโดย|โดย)\s*[:：]?\s*|كتبت?(?:\s*[:：]\s*|\s+)|(?:作者|记者|記者|撰文)\s*[:：/／・]?\s*|(?:書いた人|執筆者|筆者|著者)\s*[:：]\s*|文\s*[:：/／・]\s*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingLabel();

    /// <summary>A particle of place ("da", "do", "de", "di", "du") and a capitalised word: "da Agência Negócios", "di Repubblica".</summary>
    [GeneratedRegex(@"^(?:da|do|das|dos|de|del|della|di|du|des)\s+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex WorkplaceAfterName();

    /// <summary>Counters, update stamps and copy buttons run onto a name; also the preposition a removed date leaves behind ("Jane Doe on", "Hans Müller am"), a capitalised one with its clock's ("Julie Petit Le 03 mai à 10h21").</summary>
    [GeneratedRegex(@"\s+(?:\d+\s*(?:min|mins|minutes?|minuten|minutos|minuti|minut)\b|updated|published|posted|last updated|link copied|copy link|copied|aktualisiert|veröffentlicht|stand|mis à jour|publié|actualizado|publicado|atualizado|aggiornato|pubblicato|обновлено)\b.*$|\s+(?-i:on|am|le|el|il|em|op|pada|tanggal|dne)$|\s+(?-i:Le|Am|On|El|Il|Em|Op)(?:\s+(?-i:à|um|at|a|às|alle|o))+(?:\s.*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNoise();

    /// <summary>A bio line that opens with the author's name: "Jane Doe is a reporter at …", "Max Muster ist Redakteur …",
    /// "Marie Roy est journaliste …". Two to four capitalised words (particles between) before the verb.</summary>
    [GeneratedRegex(@"^(?<name>\p{Lu}[\p{L}.'’\-]+(?:\s+(?:(?:van|von|de|der|den|del|della|di|da|du|la|le|bin|al)\s+)?\p{Lu}[\p{L}.'’\-]+){1,3})\s+(?:is|was|has been|writes|covers|reports|ist|war|schreibt|est|était|écrit|es|fue|escribe|è|é|era|scrive)\s+\p{L}", RegexOptions.CultureInvariant)]
    private static partial Regex BioSentence();

    /// <summary>"Door onze redacteur", "By our special correspondent", "Von unserem Korrespondenten", "De notre envoyée spéciale", "dal nostro inviato":
    /// a label naming the desk's own staff by their job before the name (the job one or two words).</summary>
    [GeneratedRegex(@"^\s*(?:(?:by|von|door|par|de|por|di|da|dal|dalla|dai|dalle|av|af|od|from)\s+)?(?:our|onze|unser(?:em|er|e)|notre|nos|nuestr[oa]s?|nostr[oa]|nostri|vår|vores|vårt|naszego|naszej)\s+(?:\p{L}+\s+){1,2}?(?=(?-i:\p{Lu}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnStaffLabel();

    /// <summary>"ByJane Doe", "VonHans Müller": a label run into the name where elements touched.</summary>
    [GeneratedRegex(@"^(?:By|BY|Von|Par|Por)(?=\p{Lu}\p{Ll})")]
    private static partial Regex GluedLabel();

    /// <summary>"Jane DoePublished 3 hours ago", "Jane DoeLink Copied": a label run onto the name where elements touched.</summary>
    [GeneratedRegex(@"(?<=\p{Ll})(?:Published|Updated|Posted|Link Copied|Copy Link|Copied|Share|Follow|Veröffentlicht|Aktualisiert|Publié)\b.*$")]
    private static partial Regex GluedNoise();

    /// <summary>Picture, source and editing credits: a byline segment that starts so names no author, up to a writer's label that follows ("Editor: X Reporter: Y").</summary>
    [GeneratedRegex(@"(?:^|(?<=[\s,;|/•·(\[]))(?:" + CreditWords + @"|editors?|editing|redaktion|bearbeitung|producers?|production|produktion)\s*[:：].*?(?=\s(?:reporter|penulis|wartawan|author|autor|autorin|text|texte|teks|words|writer)\s*[:：]|$)|(?:^|(?<=[\s,;|/•·(\[]))(?:" + CreditWords + @"|fotografia|fotografias|ilustração|ilustración|illustrazioni)\s+(?:de|di|da|von|par|door|por|af|av)\s+\p{Lu}.*$|(?:写真|撮影|摄影|图片|圖片|图|圖|编辑|編輯|責任編集|责任编辑|責任編輯|来源|來源|稿源|出处|出處|出典|사진|출처)\s*[:：・/／=＝].*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditTail();

    /// <summary>"Text und Fotos:", "Words and pictures:": one label for a writer who took the pictures too.</summary>
    [GeneratedRegex(@"^\s*(?:text|texte|texto|testo|tekst|teksti|words)\s*(?:und|and|&|et|en|y|e|i|ja|och|og|\+)\s*(?:fotos?|foto's|bilder|bild|photos?|photographs|pictures|images|zdjęcia|kuvat|kuva)\s*[:：]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TextAndPictures();

    /// <summary>"John Roe (Fotos)": a name credited for the pictures, not the story.</summary>
    [GeneratedRegex(@"\p{Lu}[\p{L}.'’\- ]*?\s*\((?:" + CreditWords + @")\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameCreditedForPictures();

    /// <summary>The heading of an author box: "About the author", "Über den Autor", "À propos de l'auteur", "Sobre el autor".</summary>
    [GeneratedRegex(@"^\s*(?:about\s+the\s+authors?|über\s+(?:den|die)\s+autor(?:in|en|innen)?|zu[mr]\s+autor(?:in)?|à\s+propos\s+de\s+l['’]auteur(?:e|rice)?|sobre\s+(?:el|la|o|a)\s+autor(?:a)?|l['’]autore|over\s+de\s+auteur|o\s+autorze|om\s+(?:författaren|forfatteren|skribenten)|tietoa\s+kirjoittajasta|об\s+авторе|про\s+автора)(?:\s*[:：·•|–—-]\s*|\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutTheAuthor();

    /// <summary>Words that credit pictures, video or sources, in the languages Gleaner meets most.</summary>
    internal const string CreditWords =
        "images?|photos?|photographs?|photography|photographer|pictures?|pics?|foto|fotos|fotografie|fotograf|fotografin|fotógrafo|fotógrafa|fotografo|" +
        "bild|bilder|illustrations?|grafik|graphics?|credits?|source|quelle|video|kamera|camera|imagen|imágenes|immagine|immagini|crédit|crédits|crédito|" +
        "фото|фотография|фотограф|иллюстрация|видео|источник|kuvat?|zdjęcia|zdjęcie|fotó|fotók";

    /// <summary>"By TPN, in News, Portugal, Business": the sections a post is filed under (or the place it was written), after a comma.</summary>
    [GeneratedRegex(@",\s*(?:in|dans|im|em)\s+\p{Lu}.*$", RegexOptions.CultureInvariant)]
    private static partial Regex FiledUnder();

    /// <summary>"記者陳志明／台北報導": where a Chinese byline's reporter filed from ("／台北報導", "/北京报道"), not a second name.</summary>
    [GeneratedRegex(@"\s*[/／]\s*\p{L}{0,6}(?:報導|报道|報道)\s*$")]
    private static partial Regex ReportedFrom();

    [GeneratedRegex(@"(?<![\p{L}])(?<names>\p{IsHangulSyllables}{2,4}(?:\s*[·,、]\s*\p{IsHangulSyllables}{2,4})+)\s?(?:기자|특파원)(?![\p{L}])")]
    private static partial Regex KoreanReporters();

    [GeneratedRegex(@"\s*[·,、]\s*")]
    private static partial Regex NameRunSeparator();

    /// <summary>"신현주 기자", "张伟 记者": the job written after a name in Korean, Japanese and Chinese bylines.</summary>
    [GeneratedRegex(@"\s*(?:기자|특파원|객원기자|記者|记者|特派員|特派员|通讯员|通訊員)$")]
    private static partial Regex JobSuffix();

    /// <summary>Academic and professional degrees after a name ("Jane Doe PhD", "John Roe, M.D." once split).</summary>
    [GeneratedRegex(@"(?<=\p{L}{2,}\s+\p{L}{2,}.*)\s+(?:Ph\.?\s?D\.?|M\.D\.|MD|MBA|MSc|M\.Sc\.|MPH|DPhil|LL\.?M\.?|RN|FRCP)$")]
    private static partial Regex Degrees();
}
