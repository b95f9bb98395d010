using System.Collections.Frozen;

namespace Gleaner.Extraction.Content;

/// <summary>
/// Boxes set in or under the story that the line rules recognise by their title and shape: a press office's contact box,
/// a table of contents, a pros and cons box, a post's meta footer with its comment count.
/// </summary>
internal static partial class LineFilter
{
    /// <summary>
    /// Titles of the box that closes a press release or an institution's news: whom to ask and how to reach them
    /// ("Pressekontakt", "Adresse für Rückfragen", "Kontakt pro média", "Lisätietoja"), compared lower-case without a colon.
    /// The box is dropped only when an address, a telephone number or a web address follows in the short lines under it.
    /// </summary>
    private static readonly FrozenSet<string> ContactHeadings = FrozenSet.ToFrozenSet(
    [
        "kontakt", "kontakte", "pressekontakt", "medienkontakt", "pressestelle", "ansprechpartner", "ansprechpartnerin",
        "ansprechpersonen", "ansprechperson", "ihr ansprechpartner", "ihre ansprechpartnerin", "adresse für rückfragen",
        "rückfragehinweis", "rückfragen", "für rückfragen", "rückfragen an", "rückfragen bitte an", "bei rückfragen", "rückfragen & kontakt", "rückfragen und kontakt", "herausgeber", "medienanfragen", "presseanfragen",
        "kontakt für medien", "kontakt für medienschaffende", "weitere auskünfte", "weitere informationen", "kontakt und information",
        "contact", "contacts", "press contact", "press contacts", "media contact", "media contacts", "press office", "media enquiries",
        "media inquiries", "press enquiries", "press inquiries", "for more information", "for further information",
        "further information", "contact information", "contact details", "publisher", "issued by",
        "contact presse", "contacts presse", "contact médias", "service de presse", "relations presse", "renseignements",
        "pour plus d'informations", "pour plus d’informations", "contacto", "contactos", "contacto de prensa", "contacto para medios",
        "gabinete de prensa", "oficina de prensa", "gabinete de comunicación", "más información", "para más información",
        "contatti", "contatto", "contatto stampa", "ufficio stampa", "per informazioni", "contato", "contatos", "contato de imprensa",
        "assessoria de imprensa", "assessoria de comunicação", "gabinete de imprensa", "mais informações", "para mais informações",
        "contactinformatie", "contactgegevens", "perscontact", "meer informatie", "voor meer informatie", "persvragen",
        "kontakt dla mediów", "kontakt dla prasy", "biuro prasowe", "więcej informacji", "dodatkowe informacje",
        "kontakt pro média", "kontakty", "tiskové oddělení", "více informací", "další informace", "presskontakt",
        "kontaktuppgifter", "mer information", "för mer information", "presstjänst", "yderligere oplysninger", "flere opplysninger",
        "mer informasjon", "lisätietoja", "lisätiedot", "yhteystiedot", "mediayhteydet", "iletişim", "basın iletişim",
        "bilgi için", "detaylı bilgi", "контакты", "контакт", "контакты для сми", "пресс-служба", "дополнительная информация",
        "επικοινωνία", "γραφείο τύπου", "お問い合わせ", "お問い合わせ先", "問い合わせ先", "本件に関するお問い合わせ",
        "本件に関するお問い合わせ先", "報道関係者のお問い合わせ先", "報道関係のお問い合わせ先",
        "このページに関するお問い合わせ", "このページに関するお問い合わせ先", "この記事に関するお問い合わせ", "문의", "문의처", "담당부서",
        "联系方式", "媒体联系", "媒體聯繫",
        // An event's organiser, with their address and telephone number under the announcement.
        "veranstalter", "veranstalterin", "organizer", "organiser", "organisateur", "organizador", "organizzatore", "organisator",
        "organizator", "arrangör", "szervező", "düzenleyen", "организатор",
    ], StringComparer.Ordinal);

    /// <summary>
    /// First words of a contact title worded freely ("Kontakt für Rückfragen", "Contact for journalists", "Contacto para
    /// la prensa"): the box is still dropped only when contact details follow it.
    /// </summary>
    private static readonly FrozenSet<string> ContactTitleStarts = FrozenSet.ToFrozenSet(
    [
        "kontakt", "pressekontakt", "medienkontakt", "contact", "contacts", "contacto", "contactos", "contatto", "contatti",
        "contato", "contatos", "kontakty", "контакты", "контакт", "iletişim", "επικοινωνία", "perscontact", "presskontakt",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ContactTitleStartLookup = ContactTitleStarts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Last words of a contact title that says whose contact it is ("Wissenschaftlicher Kontakt", "Ihre Ansprechpartnerin",
    /// "Scientific contact", "Contacto institucional"): the box is still dropped only when contact details follow it.
    /// </summary>
    private static readonly FrozenSet<string> ContactTitleEnds = FrozenSet.ToFrozenSet(
    [
        "kontakt", "kontakte", "ansprechpartner", "ansprechpartnerin", "ansprechpartnerinnen", "ansprechperson", "ansprechpersonen",
        "contact", "contacts", "contacto", "contactos", "contatto", "contatti", "contato", "contatos", "kontakty", "kontaktperson",
        "kontaktpersoner", "contactpersoon", "yhteyshenkilö", "yhteystiedot",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ContactTitleEndLookup = ContactTitleEnds.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Most words of a contact title that ends with its contact word.</summary>
    private const int MaxContactTitleEndWords = 3;

    /// <summary>Most words of a contact title worded freely.</summary>
    private const int MaxFreeContactTitleWords = 4;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ContactHeadingLookup = ContactHeadings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longest contact title looked up.</summary>
    private const int MaxContactHeadingChars = 48;

    /// <summary>Fewest digits of a telephone number.</summary>
    private const int MinPhoneDigits = 6;

    /// <summary>"Kontakt", "Adresse für Rückfragen:", "Rückfragehinweis:".</summary>
    internal static bool IsContactHeading(string text)
    {
        // Marks a press release sets around its headings: "■本件に関するお問い合わせ", "【お問い合わせ先】".
        var heading = text.AsSpan().Trim().TrimStart("■□●○◆◇▼▽▶►・【[ ").TrimEnd(":：. 】]");
        if (heading.Length == 0 || heading.Length > MaxContactHeadingChars)
            return false;
        Span<char> lower = stackalloc char[heading.Length];
        LowerCase(heading, lower);
        if (ContactHeadingLookup.Contains(lower))
            return true;
        int space = lower.IndexOf(' ');
        if (space > 0 && ContactTitleStartLookup.Contains(lower[..space]) && CountWords(lower) <= MaxFreeContactTitleWords)
            return true;
        int lastSpace = lower.LastIndexOf(' ');
        return lastSpace > 0 && ContactTitleEndLookup.Contains(lower[(lastSpace + 1)..]) && CountWords(lower) <= MaxContactTitleEndWords;
    }

    /// <summary>Longest name after a contact title on its line ("Basın İletişim: Zeynep Arslan").</summary>
    private const int MaxContactNameChars = 60;

    /// <summary>
    /// A contact title and, after its colon, only whom to ask ("Pressekontakt: Anna Lang", "Basın İletişim: Zeynep Arslan"),
    /// the telephone number and address on the lines under it: the box's first line.
    /// </summary>
    private static bool IsContactTitleLine(string text)
    {
        int colon = text.IndexOfAny(':', '：');
        if (colon <= 0 || colon > MaxContactHeadingChars || !IsContactHeading(text[..colon]))
            return false;
        var name = text.AsSpan(colon + 1).Trim();
        return name.Length is > 0 and <= MaxContactNameChars && !IsSentenceMark(name[^1]);
    }

    /// <summary>
    /// A contact box written on one line: its title, a colon and a telephone number or an address ("Rückfragen bitte an:
    /// Pressestelle, Telefon 040 123456", "Media contact: press@example.org").
    /// </summary>
    private static bool IsInlineContact(string text)
    {
        int colon = text.IndexOfAny(':', '：');
        return colon > 0 && colon <= MaxContactHeadingChars && IsContactHeading(text[..colon]) && IsContactDetail(text.AsSpan(colon + 1));
    }

    /// <summary>
    /// The number of short lines after the contact title at <paramref name="index"/> that make its box, when one of them
    /// is an address, a telephone number or a web address; 0 when the lines under the title are the story's.
    /// </summary>
    private static int ContactBoxLines(List<TextBlock> blocks, int index)
    {
        int lines = 0;
        bool detail = false;
        for (int next = index + 1; next < blocks.Count && lines < MaxFurnitureSectionLines; next++)
        {
            var block = blocks[next];
            if (block.Kind == BlockKind.Heading || block.Text.Length > MaxFurnitureChars)
                break;
            lines++;
            detail |= IsContactDetail(block.Text);
        }
        return detail ? lines : 0;
    }

    /// <summary>An e-mail or web address, or a telephone number: "Tel.: +49 511 762-1234", "presse@example.org".</summary>
    internal static bool IsContactDetail(ReadOnlySpan<char> text)
    {
        int at = text.IndexOf('@');
        if (at > 0 && text[(at + 1)..].Contains('.'))
            return true;
        if (text.Contains("://", StringComparison.Ordinal) || text.Contains("www.", StringComparison.OrdinalIgnoreCase))
            return true;
        // A run of digits, spaces and the marks telephone numbers are written with.
        int digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++digits >= MinPhoneDigits)
                    return true;
            }
            else if (c is not (' ' or '+' or '-' or '/' or '(' or ')' or '\u00a0'))
            {
                digits = 0;
            }
        }
        return false;
    }

    /// <summary>
    /// Labels of an event's or a place's practical facts ("Datum", "Ort", "Eintritt", "Lieu", "Helyszín", "会場"), compared
    /// lower-case without a colon: a list of two or more of them beside the announcement is its fact box, not its text.
    /// </summary>
    private static readonly FrozenSet<string> FactLabels = FrozenSet.ToFrozenSet(
    [
        "datum", "termin", "termine", "zeit", "uhrzeit", "beginn", "ende", "einlass", "ort", "veranstaltungsort", "treffpunkt",
        "eintritt", "preis", "kosten", "tickets", "karten", "anmeldung", "veranstalter", "wann", "wo", "dauer", "öffnungszeiten",
        "date", "dates", "time", "times", "when", "where", "venue", "location", "place", "admission", "price", "cost", "entry",
        "organizer", "organiser", "registration", "duration", "opening hours", "doors",
        "heure", "horaire", "horaires", "lieu", "quand", "où", "tarif", "tarifs", "entrée", "prix", "billetterie", "organisateur",
        "inscription", "durée", "fecha", "fechas", "hora", "lugar", "cuándo", "dónde", "precio", "entradas", "organiza",
        "organizador", "inscripción", "duración", "data", "ora", "orario", "luogo", "dove", "prezzo", "ingresso", "biglietti",
        "organizzatore", "horário", "local", "onde", "preço", "entrada", "ingressos", "tijd", "locatie", "plaats", "waar",
        "wanneer", "prijs", "toegang", "entree", "godzina", "miejsce", "gdzie", "kiedy", "cena", "wstęp", "bilety", "čas",
        "místo", "kdy", "kde", "vstupné", "tid", "plats", "när", "pris", "entré", "biljetter", "időpont", "helyszín", "belépő",
        "nyitva", "nyitvatartás", "dátum", "jegyár", "tarih", "saat", "yer", "mekan", "ücret", "дата", "время", "место", "где",
        "когда", "стоимость", "вход", "цена", "ημερομηνία", "ώρα", "τόπος", "χώρος", "είσοδος", "日時", "日程", "会場", "場所",
        "料金", "参加費", "定員", "主催", "时间", "地点", "日期", "费用", "主办", "일시", "장소", "참가비", "التاريخ", "الوقت",
        "المكان", "tanggal", "waktu", "tempat", "lokasi", "biaya", "thời gian", "địa điểm", "aika", "paikka", "hinta", "pääsymaksu",
        "järjestäjä", "sted", "dato", "arrangør", "billetter",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FactLabelLookup = FactLabels.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longest fact label looked up.</summary>
    internal const int MaxFactLabelChars = 24;

    /// <summary>"Datum", "Ort:", "Eintritt :", "会場：".</summary>
    internal static bool IsFactLabel(ReadOnlySpan<char> text)
    {
        var label = text.Trim().TrimEnd(":：").TrimEnd();
        if (label.Length == 0 || label.Length > MaxFactLabelChars)
            return false;
        Span<char> lower = stackalloc char[label.Length];
        LowerCase(label, lower);
        return FactLabelLookup.Contains(lower);
    }

    /// <summary>
    /// Titles of a table of contents ("Inhaltsverzeichnis", "Sommaire", "目次") and the control that folds it: the title is
    /// dropped with the list of the story's own subheadings under it.
    /// </summary>
    private static readonly FrozenSet<string> TableOfContentsTitles = FrozenSet.ToFrozenSet(
    [
        "table of contents", "contents", "on this page", "in this article", "jump to", "inhaltsverzeichnis", "inhalt", "inhalte",
        "auf dieser seite", "in diesem artikel", "sommaire", "table des matières", "dans cet article", "tabla de contenidos",
        "tabla de contenido", "contenidos", "índice", "indice", "índice de contenidos", "sommario", "indice dei contenuti",
        "conteúdo", "conteúdos", "índice de conteúdo", "inhoudsopgave", "inhoud", "spis treści", "obsah", "innehåll",
        "innehållsförteckning", "indhold", "indholdsfortegnelse", "innhold", "sisällysluettelo", "sisällys", "sisältö",
        "içindekiler", "İçindekiler".ToLowerInvariant(), "содержание", "оглавление", "περιεχόμενα", "目次", "目录", "目錄", "목차", "विषय सूची", "सामग्री सूची",
        "المحتويات", "جدول المحتويات", "daftar isi", "mục lục",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TableOfContentsLookup = TableOfContentsTitles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"Inhaltsverzeichnis", "Table of Contents [hide]", "Sommaire".</summary>
    internal static bool IsTableOfContentsTitle(string text)
    {
        var title = text.AsSpan().Trim();
        // The fold control written after the title: "Contents [hide]", "Inhalt (anzeigen)".
        if (title.Length > 0 && title[^1] is ']' or ')' && title.LastIndexOfAny('[', '(') is > 0 and var open)
            title = title[..open];
        title = title.TrimEnd(":：. ");
        if (title.Length == 0 || title.Length > MaxRelatedHeadingChars)
            return false;
        Span<char> lower = stackalloc char[title.Length];
        LowerCase(title, lower);
        return TableOfContentsLookup.Contains(lower);
    }

    /// <summary>Titles of the "for" half of a pros and cons box, compared lower-case without end punctuation.</summary>
    private static readonly FrozenSet<string> ProsTitles = FrozenSet.ToFrozenSet(
    [
        "pro", "pros", "plus", "pluspunkte", "vorteile", "stärken", "das gefällt uns", "what we like", "we like", "the good", "likes",
        "avantages", "les plus", "points forts", "on aime", "ventajas", "a favor", "lo mejor", "pregi", "vantaggi", "punti di forza",
        "voordelen", "pluspunten", "zalety", "plusy", "výhody", "klady", "fördelar", "plussat", "hyvää", "prós", "vantagens",
        "pontos positivos", "artılar", "artıları", "плюсы", "преимущества", "πλεονεκτήματα", "メリット", "优点", "優點",
        "kelebihan", "keunggulan", "良い点", "長所", "장점", "المميزات", "الإيجابيات", "फायदे", "खूबियां",
    ], StringComparer.Ordinal);

    /// <summary>Titles of the "against" half of a pros and cons box.</summary>
    private static readonly FrozenSet<string> ConsTitles = FrozenSet.ToFrozenSet(
    [
        "contra", "cons", "minus", "minuspunkte", "nachteile", "schwächen", "das gefällt uns nicht", "what we don't like",
        "what we didn't like", "we don't like", "the bad", "dislikes", "inconvénients", "les moins", "points faibles", "on aime moins",
        "desventajas", "contras", "en contra", "lo peor", "contro", "difetti", "svantaggi", "punti deboli", "nadelen", "minpunten",
        "wady", "minusy", "nevýhody", "zápory", "nackdelar", "miinukset", "huonoa", "desvantagens", "pontos negativos", "eksiler",
        "eksileri", "минусы", "недостатки", "μειονεκτήματα", "デメリット", "缺点", "缺點",
        "kekurangan", "kelemahan", "悪い点", "短所", "단점", "العيوب", "السلبيات", "नुकसान", "कमियां",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ProsTitleLookup = ProsTitles.GetAlternateLookup<ReadOnlySpan<char>>(),
        ConsTitleLookup = ConsTitles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longest line read as a half's title of a pros and cons box.</summary>
    private const int MaxProsConsTitleChars = 24;

    /// <summary>Longest item of a pros and cons box: a few words each.</summary>
    private const int MaxProsConsItemChars = 100;

    /// <summary>Lines searched after a "Pro" title for the "Contra" title that makes the pair a box.</summary>
    private const int MaxProsConsBoxLines = 16;

    /// <summary>Which half of a pros and cons box the line titles: 1 for pros, -1 for cons, 0 for neither.</summary>
    private static int ProsConsSide(string text)
    {
        var title = text.AsSpan().Trim().TrimEnd(":：.! ").TrimStart("+-–✓✔✗✘👍👎 ");
        if (title.Length == 0 || title.Length > MaxProsConsTitleChars)
            return 0;
        Span<char> lower = stackalloc char[title.Length];
        LowerCase(title, lower);
        return ProsTitleLookup.Contains(lower) ? 1 : ConsTitleLookup.Contains(lower) ? -1 : 0;
    }

    /// <summary>
    /// The number of lines of a pros and cons box starting at <paramref name="index"/>: a "Pro" title over short list items,
    /// then a "Contra" title over short list items (or the reverse). 0 when the lines are not such a pair: a subheading
    /// "Vorteile" over an explainer's list stands alone.
    /// </summary>
    private static int ProsConsBoxLines(List<TextBlock> blocks, int index)
    {
        if (blocks[index].Kind == BlockKind.TableRow)
            return ProsConsTableLines(blocks, index);
        int side = ProsConsSide(blocks[index].Text);
        if (side == 0)
            return 0;
        bool otherSide = false;
        int items = 0;
        int next = index + 1;
        for (; next < blocks.Count && next - index <= MaxProsConsBoxLines; next++)
        {
            var block = blocks[next];
            if (block.Kind == BlockKind.ListItem && block.Text.Length <= MaxProsConsItemChars)
            {
                items++;
                continue;
            }
            int nextSide = ProsConsSide(block.Text);
            if (nextSide == -side && !otherSide && items > 0)
            {
                otherSide = true;
                items = 0;
                continue;
            }
            break;
        }
        return otherSide && items > 0 ? next - index : 0;
    }

    /// <summary>
    /// The number of rows of a pros and cons box set as a table of two columns: a row titling one column "Plusy" and the
    /// other "Minusy" (or the reverse), then short rows of points. 0 when the row titles no such pair.
    /// </summary>
    private static int ProsConsTableLines(List<TextBlock> blocks, int index)
    {
        var row = blocks[index].Text;
        int separator = row.IndexOf(" | ", StringComparison.Ordinal);
        if (separator <= 0 || row.IndexOf(" | ", separator + 3, StringComparison.Ordinal) >= 0)
            return 0;
        int side = ProsConsSide(row[..separator]);
        if (side == 0 || ProsConsSide(row[(separator + 3)..]) != -side)
            return 0;
        int next = index + 1;
        while (next < blocks.Count && next - index <= MaxProsConsBoxLines && blocks[next].Kind == BlockKind.TableRow
               && blocks[next].Text.Length <= MaxProsConsItemChars * 2)
            next++;
        return next > index + 1 ? next - index : 0;
    }

    /// <summary>Words that count comments in a post's meta line ("2 kommenttia", "Comments (3)"), lower-case.</summary>
    private static readonly FrozenSet<string> CommentWords = FrozenSet.ToFrozenSet(
    [
        "comment", "comments", "kommentar", "kommentare", "kommentarer", "kommentaren", "kommentti", "kommenttia", "kommentteja",
        "commentaire", "commentaires", "comentario", "comentarios", "comentário", "comentários", "commento", "commenti", "reactie",
        "reacties", "komentarz", "komentarze", "komentarzy", "komentář", "komentáře", "komentářů", "yorum", "yorumlar",
        "комментарий", "комментария", "комментариев", "комментарии", "σχόλια", "σχόλιο", "replies", "reply", "antworten", "antwort",
        "réponses", "respuestas", "risposte", "respostas",
    ], StringComparer.Ordinal);

    /// <summary>A post's call to comment, as its meta line ends: "Leave a comment", "Schreib einen Kommentar".</summary>
    private static readonly FrozenSet<string> CommentPrompts = FrozenSet.ToFrozenSet(
    [
        "leave a comment", "leave a reply", "add a comment", "no comments", "schreib einen kommentar", "schreibe einen kommentar",
        "kommentar schreiben", "keine kommentare", "hinterlasse einen kommentar", "lämna en kommentar", "lämna ett svar",
        "laisser un commentaire", "pas de commentaire", "deja un comentario", "sin comentarios", "lascia un commento",
        "nessun commento", "deixe um comentário", "sem comentários", "reageer", "geen reacties", "skomentuj", "brak komentarzy",
        "jätä kommentti", "kommentoi", "ei kommentteja", "napište komentář", "yorum yap", "yorum yok", "оставить комментарий",
        "нет комментариев", "legg igjen en kommentar", "skriv en kommentar", "efterlad en kommentar",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommentWordLookup = CommentWords.GetAlternateLookup<ReadOnlySpan<char>>(),
        CommentPromptLookup = CommentPrompts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longest post-meta line read.</summary>
    private const int MaxPostMetaChars = 200;

    /// <summary>
    /// A post's meta line in parts split by "|", "·" or "•" (date, category, tags, comments), one part of which counts or
    /// asks for comments or counts the post's readers: "Julkaistu 14.9.2023 kategoriassa Luonto | 2 kommenttia", "Posted in
    /// News | Leave a comment", "โพสต์เมื่อ 15 มกราคม 2568 | เข้าชม 1,024 ครั้ง". A table's row is the writer's, whatever it counts.
    /// </summary>
    private static bool IsPostMetaLine(string lower, BlockKind kind)
    {
        if (kind == BlockKind.TableRow || lower.Length > MaxPostMetaChars || lower.AsSpan().IndexOfAny('|', '·', '•') < 0)
            return false;
        foreach (var range in lower.AsSpan().SplitAny('|', '·', '•'))
        {
            var part = lower.AsSpan(range).Trim().TrimEnd('.');
            if (part.Length == 0)
                continue;
            if (CommentPromptLookup.Contains(part))
                return true;
            // "2 kommenttia", "Comments (3)", "3 Kommentare".
            var words = part.Trim("0123456789() ");
            if (words.Length < part.Length && words.Length > 0 && CommentWordLookup.Contains(words))
                return true;
            if (IsReactionCount(part.ToString()))
                return true;
        }
        return false;
    }

    /// <summary>Most words of a comment count's label ("Всего комментариев: 0", "Total comments: 3").</summary>
    private const int MaxCommentCountWords = 3;

    /// <summary>A line counting the comments under the post, its label ending in the word for comments: "Всего комментариев: 0".</summary>
    private static bool IsCommentCount(string lower)
    {
        var label = lower.AsSpan().Trim("0123456789()[]: ");
        if (label.Length == 0 || label.Length == lower.Length || CountWords(label) > MaxCommentCountWords)
            return false;
        int space = label.LastIndexOf(' ');
        return CommentWordLookup.Contains(space < 0 ? label : label[(space + 1)..]);
    }

    /// <summary>
    /// Labels of a page's view counter in an info line ("浏览次数：1024", "点击：386", "조회수: 1,532", "Zugriffe: 842", "Hits: 512"),
    /// compared lower-case.
    /// </summary>
    private static readonly string[] ViewCountLabels =
    [
        "浏览次数", "浏览量", "浏览", "点击数", "点击量", "点击率", "点击", "阅读量", "阅读次数", "阅读", "访问量", "访问次数", "瀏覽次數",
        "瀏覽", "點擊", "點閱", "閱讀", "點閱次數", "点阅次数", "點擊次數", "点击次数", "閱讀次數", "瀏覽人次", "浏览人次", "人氣", "人气", "조회수", "조회", "閲覧数", "hits", "views", "aufrufe", "zugriffe", "gelesen", "visite",
        "visualizzazioni", "visualizaciones", "lecturas", "visualizações", "wyświetleń", "wyświetlenia", "odsłon", "zobrazeno",
        "přečteno", "просмотров", "просмотры", "переглядів", "görüntülenme", "okunma", "dibaca", "dilihat", "lượt xem", "εμφανίσεις",
        "צפיות",
        // A forum member's post count beside the name ("Mensajes: 87", "Beiträge: 214"): the board's statistics too.
        "mensajes", "beiträge", "posts", "messages", "příspěvky", "messaggi", "berichten", "сообщений", "повідомлень", "posty",
        "mesajlar", "postagens",
    ];

    /// <summary>Most words of an info line read for a view counter.</summary>
    private const int MaxViewCountLineWords = 10;

    /// <summary>
    /// An info line holding a view counter as a label, a colon and a number ("发布时间：2024-08-15 浏览次数：1024", "Hits: 842",
    /// "Datum: 12.03.2024 | Zugriffe: 512"): the page's statistics, not its text. The label starts a word of the line.
    /// </summary>
    private static bool IsLabelledViewCount(string lower)
    {
        if (lower.Length == 0 || lower.Length > MaxMetaLineChars || lower.AsSpan().IndexOfAny(':', '：') < 0 || IsSentenceMark(lower[^1])
            || CountWords(lower) > MaxViewCountLineWords)
            return false;
        foreach (var label in ViewCountLabels)
        {
            for (int at = lower.IndexOf(label, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(label, at + 1, StringComparison.Ordinal))
            {
                // A label of a script written without spaces may follow the info line's last part unspaced ("…局點閱次數：5,208").
                if (at > 0 && label[0] < PageAnalysis.UnspacedScriptStart && (char.IsLetterOrDigit(lower[at - 1]) || lower[at - 1] == '-'))
                    continue;
                var rest = lower.AsSpan(at + label.Length).TrimStart(' ');
                if (rest.Length < 2 || rest[0] is not (':' or '：'))
                    continue;
                rest = rest[1..].TrimStart(' ');
                if (rest.Length > 0 && char.IsAsciiDigit(rest[0]))
                    return true;
            }
        }
        return false;
    }

    /// <summary>Longest meta line of parts read for a date part.</summary>
    private const int MaxMetaLineChars = 120;

    /// <summary>Most words of a part beside the date in a meta line: a label, a name, a section.</summary>
    private const int MaxMetaPartWords = 8;

    /// <summary>
    /// A line of short parts split by "|", "·" or "•", one of which is a date alone: "Pressemitteilung · 21.06.2023 ·
    /// Ministerium für Umwelt", "Nachricht | 14.09.2023 | Berlin". No part reads as a sentence.
    /// </summary>
    private static bool IsMetaLineWithDate(string text)
    {
        if (text.Length > MaxMetaLineChars || text.AsSpan().IndexOfAny('|', '·', '•') < 0)
            return false;
        bool date = false;
        int parts = 0;
        foreach (var range in text.AsSpan().SplitAny('|', '·', '•'))
        {
            var part = text.AsSpan(range).Trim();
            if (part.Length == 0)
                continue;
            parts++;
            // A question, an exclamation or a sentence is no label ("3 Min." is).
            int words = CountWords(part);
            if (words > MaxMetaPartWords || IsSentenceMark(part[^1]) && (part[^1] != '.' || words > 2))
                return false;
            if (!date)
            {
                var value = part.ToString();
                date = value.Length <= MaxDatelineChars && (IsDateline(value.ToLowerInvariant()) || IsParsedDateline(value));
            }
        }
        return date && parts >= 2;
    }

    /// <summary>Labels of the date a forum member joined ("Registriert: 3. Jan 2022", "Joined: Mar 2019"), lower-case.</summary>
    private static readonly string[] MemberJoinedLabels =
    [
        "registriert", "dabei seit", "mitglied seit", "joined", "registered", "member since", "inscrit", "inscription", "registrado",
        "registro", "iscritto", "iscrizione", "lid sinds", "geregistreerd", "dołączył", "dołączyła", "rejestracja", "registrován",
        "registrace", "registrerad", "medlem sedan", "medlem siden", "liittynyt", "rekisteröitynyt", "kayıt", "üyelik", "регистрация",
        "зарегистрирован", "на форуме с",
    ];

    /// <summary>Longest member-panel line read.</summary>
    private const int MaxMemberJoinedChars = 60;

    /// <summary>A line of a forum member's panel: the date the member joined.</summary>
    private static bool IsMemberJoined(string text, string lower)
    {
        if (text.Length > MaxMemberJoinedChars)
            return false;
        foreach (var label in MemberJoinedLabels)
        {
            if (lower.StartsWith(label, StringComparison.Ordinal) && (lower.Length == label.Length || !char.IsLetter(lower[label.Length])))
                return Metadata.DateParser.ContainsDate(text) || IsDateline(lower[label.Length..]);
        }
        return false;
    }
}
