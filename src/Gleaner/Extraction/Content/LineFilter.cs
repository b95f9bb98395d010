using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Gleaner.Extraction.Explain;

namespace Gleaner.Extraction.Content;

/// <summary>
/// Phase 5: drops lines that are page furniture by what they say rather than where they sit:
/// the repeated headline, bylines, datelines, photo credits, "advertisement" and "read more" prompts.
/// </summary>
internal static partial class LineFilter
{
    /// <summary>Furniture lines are short; longer lines are prose even when they start like furniture.</summary>
    private const int MaxFurnitureChars = 120;

    /// <summary>Words of a byline that may follow a dateline on the same line.</summary>
    private const int MaxDatelineBylineWords = 4;

    /// <summary>Longest line that can be a label such as "Tags:".</summary>
    private const int MaxLabelChars = 24;

    /// <summary>A byline is the author's name and little else.</summary>
    private const int MaxBylineExtraChars = 40;

    /// <summary>A line made only of dates and times this short is a dateline.</summary>
    private const int MaxDatelineChars = 80;

    /// <summary>Lines that are nothing but a prompt or a label, in several languages (compared lower-case, without end punctuation).</summary>
    private static readonly FrozenSet<string> FurnitureLines = FrozenSet.ToFrozenSet(
    [
        // The end mark a WeChat or blog post sets before its source and editor lines.
        "- end -", "-end-", "— end —", "–end–", "end",
        // The end mark of a press release: "ENDS", "- ends -", "###".
        "ends", "- ends -", "-ends-", "– ends –", "###", "# # #",
        "advertisement", "advertising", "sponsored", "sponsored content", "ad", "anzeige", "werbung", "publicidad",
        "publicité", "pubblicità", "publicidade", "reklama", "реклама", "advertentie", "annonse", "mainos", "广告",
        "share", "share this", "share this article", "share this story", "share on facebook", "share on twitter",
        "tweet", "email", "print", "comments", "comment", "read more", "read more here", "see also", "related",
        "related articles", "related stories", "more on this story", "continue reading", "skip advertisement",
        "teilen", "partager", "compartir", "condividi", "partilhar", "поделиться", "mehr zum thema",
        "lesen sie auch", "lire aussi", "lea también", "leia também", "leggi anche", "читайте также",
        "यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें", "subscribe", "sign up", "newsletter", "follow us", "back to top", "image", "photo", "video", "advert",
        "anuncio", "annuncio", "this slideshow requires javascript", "text size", "listen to this article",
        // A player's label for the article read aloud.
        "artikel anhören", "diesen artikel anhören", "écouter l'article", "écouter cet article", "escuchar el artículo",
        "escuchar esta noticia", "ascolta l'articolo", "ouvir o artigo", "ouvir esta notícia", "luister naar dit artikel",
        "posłuchaj artykułu", "poslechnout článek", "haberi dinle", "прослушать статью", "слушать статью", "記事を聞く",
        "home", "you may also like", "you might also like", "related posts", "don't miss", "join the conversation",
        "most popular", "most read", "top stories", "iklan", "das könnte sie auch interessieren",
        "vous aimerez aussi", "también te puede interesar", "você também pode gostar", "potrebbe interessarti anche",
        "おすすめ情報", "記事一覧", "よくある質問はこちら", "相关阅读", "相关新闻", "推荐阅读", "相關新聞", "관련기사", "관련 기사",
        // Page controls written out as text: back to the top or the list, print, share.
        "nach oben", "zurück", "zurück zur übersicht", "zur übersicht", "drucken", "seite drucken", "artikel drucken", "seite teilen",
        "artikel teilen", "beitrag teilen", "haut de page", "retour", "imprimer", "volver", "imprimir", "torna su", "stampa",
        "terug", "naar boven", "delen", "afdrukken", "dela", "udskriv", "skriv ut", "tulosta", "jaa", "paylaş", "yazdır",
        "udostępnij", "drukuj", "do góry", "powrót", "compartilhe", "voltar", "voltar ao topo", "печать", "наверх", "назад",
        "sdílet", "tisk", "tisknout", "partilhar", "compartilhar", "imprimir página", "condividi su", "delen op", "toggle",
        "anzeigen", "ausblenden", "show", "hide", "afficher", "masquer", "mostrar", "ocultar", "mostra", "nascondi", "verbergen",
        "【纠错】", "纠错", "【糾錯】", "打印", "分享到", "分享",
        "bagikan", "bagikan artikel ini", "bagikan berita ini", "share this page", "share this post", "diese seite teilen",
        "partager cette page", "partager cet article", "compartir esta noticia", "compartir en", "condividi l'articolo",
        "deel deze pagina", "deel dit artikel", "bu haberi paylaş", "поделиться новостью", "공유하기", "シェアする",
        // Back to the list of news, and the label of a post's attachments.
        "возврат к списку", "назад к списку", "вернуться к списку", "zurück zur liste", "back to list", "volver al listado",
        "torna all'elenco", "powrót do listy", "zpět na seznam", "terug naar overzicht", "allegati", "anhänge", "attachments",
        "pièces jointes", "documents joints", "adjuntos", "documentos adjuntos", "anexos", "załączniki", "přílohy", "bijlagen",
        "ekler", "вложения", "συνημμένα", "συνημμένα αρχεία", "ke stažení", "descargas", "bilagor", "المرفقات", "संलग्नक", "прикрепленные файлы", "lampiran", "添付ファイル", "附件", "첨부파일",
        // The answer buttons of a "was this helpful?" prompt, on one line.
        "yes no", "ja nein", "oui non", "sí no", "si no", "sì no", "sim não", "ja nee", "tak nie", "ano ne", "evet hayır", "да нет",
        "ya tidak", "はい いいえ", "是 否", "예 아니오",
        // A donation button under an appeal.
        "поддержать", "support us", "donate", "spenden", "faire un don", "soutenir", "donar", "dona", "doar", "doneer", "steun ons",
        "wesprzyj", "podpořit", "stöd oss", "tue meitä", "destek ol",
        // A document type printed over the headline or the text ("Pressemitteilung", "Communiqué de presse").
        "pressemitteilung", "pressemeldung", "presseinformation", "medienmitteilung", "presseaussendung", "press release",
        "news release", "communiqué de presse", "communiqué", "nota de prensa", "comunicado de prensa", "comunicado",
        "comunicato stampa", "nota à imprensa", "nota de imprensa", "persbericht", "nieuwsbericht", "komunikat prasowy",
        "tisková zpráva", "pressmeddelande", "pressemelding", "pressemeddelelse", "tiedote", "lehdistötiedote", "basın duyurusu",
        "basın bülteni", "пресс-релиз", "δελτίο τύπου", "プレスリリース", "新闻稿",
        // Advertising labels, share controls and "read also" prompts in Ukrainian, Romanian, Hungarian, Danish, Catalan,
        // Greek, Vietnamese, Thai, Hebrew and Arabic.
        "hirdetés", "reklám", "reklame", "publicitate", "publicitat", "διαφήμιση", "quảng cáo", "โฆษณา", "פרסומת", "إعلان",
        "megosztás", "distribuie", "поділитися", "comparteix", "κοινοποίηση", "chia sẻ", "แชร์", "שתפו", "שיתוף", "مشاركة",
        "читайте також", "citește și", "citeşte şi", "citeste si", "olvassa el", "lue myös", "læs også", "llegeix també",
        "llegiu també", "đọc thêm", "xem thêm", "อ่านเพิ่มเติม", "קראו גם", "διαβάστε επίσης", "διαβάστε ακόμη",
        "register now", "register here", "jetzt anmelden", "inscrivez-vous", "inscríbete",
        // Print and back controls in Arabic, Persian, Turkish, Indonesian and Vietnamese.
        "طباعة", "عودة", "رجوع", "العودة", "چاپ", "بازگشت", "geri", "geri dön", "cetak", "kembali", "in bài", "quay lại", "trở về",
        // Sign-in controls under a post's comments ("[ Регистрация | Вход ]").
        "регистрация", "вход", "войти", "login", "log in", "sign in", "einloggen", "registrieren",
        // The blog-ranking link a Japanese blog sets under each post.
        "にほんブログ村", "人気ブログランキング", "ブログランキング", "にほんブログ村へ", "人気ブログランキングへ",
    ], StringComparer.Ordinal);

    /// <summary>Arrows (and the space after them) set before a label that points to a link.</summary>
    private static readonly char[] LabelArrows = ['▶', '►', '▷', '☞', '➤', '➔', '→', ' '];

    /// <summary>Starts of lines that introduce a link, a credit or a prompt rather than story text.</summary>
    private static readonly string[] FurniturePrefixes =
    [
        "©", "(c) ", "photo:", "photos:", "photograph:", "image:", "picture:", "credit:", "credits:", "foto:",
        "fotos:", "bild:", "фото:", "imagen:", "crédit", "photo credit", "image credit", "read more:", "read also:",
        "see also:", "related:", "more:", "also read:", "lesen sie auch:", "lire aussi :", "lire aussi:",
        "leia também:", "leggi anche:", "lee también:", "читайте также:", "sign up for", "subscribe to",
        "click here to", "follow us on", "all rights reserved", "copyright ",
        // The desk's credits under a story: "Pewarta: …", "Editor: …", "Edição: …", "责任编辑：…".
        "pewarta:", "reporter:", "editor:", "editora:", "edição:", "edición:", "editado por", "edited by", "redaktor:", "redaktorka:",
        "редактор:", "editör:", "编辑：", "责任编辑：", "責任編輯：", "編輯：", "【责任编辑：", "【責任編輯：", "【编辑：", "（责任编辑：", "(责任编辑：", "tags:", "tag:", "tagged:", "keywords:",
        "schlagwörter:", "schlagworte:", "etiquetas:", "mots-clés :", "mots-clés:", "теги:", "метки:",
        "compiled by",
        // A wire's line naming the client whose release it carries ("Original-Content von: Verband …, übermittelt durch news aktuell").
        "original-content von:",
        // The page's picture credits, printed once under the story rather than under a picture.
        "bildnachweis:", "bildquelle:", "bildrechte:", "fotonachweis:", "fotografía:", "fotó:", "zdjęcie:", "kuva:", "ảnh:",
        // The page owner's line a Nordic public site closes a page with.
        "sidansvarig:", "sideansvarlig:", "sivun vastuuhenkilö:",
        "source:", "sources:", "quelle:", "fuente:", "fonte:", "источник:", "kaynak:", "المصدر:", "źródło:", "zdroj:", "bron:",
        "kilde:", "lähde:", "sumber:", "出典：", "출처:", "джерело:", "sursa:", "forrás:", "πηγή:", "nguồn:", "ที่มา:", "מקור:",
        // The author, address and licence lines a Chinese blog theme closes a post with.
        "本文作者：", "本文链接：", "本文連結：", "原文链接：", "版权声明：", "版權聲明：", "文章作者：", "文章链接：", "related post:", "related roundup:",
        "reading time", "tempo de leitura", "lesezeit", "temps de lecture", "tiempo de lectura", "tempo di lettura",
        "время чтения", "like this story", "filed under", "posted in ", "abgelegt unter", "contact presse", "contacts presse",
        "pressekontakt", "medienkontakt", "press contact", "media contact", "contacto de prensa", "contatto stampa", "contato de imprensa",
        "责任编辑", "責任編輯", "来源：", "來源：",
        // A link to another story set in the text under a label.
        "auch interessant:", "ebenfalls interessant:", "mehr zum thema:", "passend zum thema:", "passend dazu:", "weiterlesen:",
        "à lire également :", "à lire également:", "à lire aussi :", "à lire aussi:", "lire également :", "voir aussi :",
        "ti potrebbe interessare:", "potrebbe interessarti anche:", "también te puede interesar:", "das könnte sie auch interessieren:",
        "das könnte dich auch interessieren:", "vous aimerez aussi :", "vous aimerez aussi:", "você também pode gostar:",
        "te puede interesar:", "ver también:", "leia mais:", "veja também:", "potrebbe interessarti:", "lees ook:", "lees meer:",
        "czytaj także:", "czytaj też:", "zobacz też:", "zobacz także:", "läs också:", "les også:", "læs også:", "смотрите также:",
        "baca juga:", "lihat juga:", "simak juga:", "ilginizi çekebilir:", "ayrıca okuyun:", "διαβάστε επίσης:", "διαβάστε ακόμη:", "διαβάστε ακόμα:",
        "δείτε επίσης:", "přečtěte si také:", "přečtěte si též:", "čtěte také:", "čtěte též:", "prečítajte si aj:", "prečítajte si tiež:", "čítajte aj:",
        "čítajte tiež:", "pozrite si aj:", "прочетете още:", "прочетете също:", "вижте още:", "pročitajte još:", "pročitajte i:",
        "pročitajte također:", "pročitajte takođe:", "прочитајте још:", "preberite še:", "preberite tudi:", "läs mer:", "lue myös:", "katso myös:",
        "les mer:", "læs mere:", "lees verder:", "ilgili haber:", "ayrıca bakınız:", "bunu da okuyun:", "см. также:", "czytaj więcej:",
        "przeczytaj też:", "przeczytaj także:", "zobacz również:", "polecamy:", "saiba mais:", "mehr dazu:", "lesen sie mehr:", "lesen sie hier:",
        "vedi anche:", "читайте також:", "дивіться також:", "citește și:", "citeşte şi:", "citiți și:", "citeste si:", "vezi și:",
        "olvassa el:", "ezt is olvassa el:", "kapcsolódó:", "llegeix també:", "llegiu també:", "vegeu també:", "xem thêm:", "đọc thêm:",
        "tin liên quan:", "อ่านเพิ่มเติม:", "קראו גם:", "קרא גם:", "यह भी पढ़ें:", "ये भी पढ़ें:", "इसे भी पढ़ें:", "यह भी पढ़ें-", "ये भी पढ़ें-", "延伸阅读：", "延伸閱讀：", "相关阅读：", "あわせて読みたい：", "関連記事：", "相关新闻：", "관련기사:", "관련 기사:",
        "اقرأ أيضا:", "اقرأ أيضاً:", "إقرأ أيضا:", "إقرأ أيضاً:", "اقرأ أيضا :", "اقرأ أيضاً :", "اقرأ المزيد:", "ilgili haberler:",
        "مزید پڑھیں:", "یہ بھی پڑھیں:", "بیشتر بخوانید:", "بخوانید:", "আরও পড়ুন:", "এটাও পড়ুন:",
        // The note to editors under a press release ("Hinweis an die Redaktionen: Fotos finden Sie …").
        "hinweis an die redaktion", "hinweis für die redaktion", "hinweis für redaktionen", "note to editors", "notes to editors",
        "note aux rédactions", "note à la rédaction", "noot voor de redactie", "nota para los editores", "nota per le redazioni",
        // A recipe card's times, servings and nutrition facts.
        "prep time", "cook time", "total time", "servings:", "yield:", "calories:", "temps de préparation", "temps de cuisson",
        "zubereitungszeit", "arbeitszeit:", "kochzeit", "backzeit", "portionen:", "kalorien:", "tiempo de preparación",
        "tiempo de cocción", "raciones:", "porciones:", "tempo di preparazione", "tempo di cottura", "porzioni:",
        "tempo de preparo", "tempo de preparação", "porções:", "bereidingstijd", "kooktijd",
        // An Iranian agency's number for the story, printed under it ("کد خبر: 123456").
        "کد خبر", "شناسه خبر",
        // The wire service's line under a release it carries.
        "news provided by", "digitale pressemappe:", "view original content", "rückfragehinweis:",
        // A row of share buttons under a label.
        "share on ", "teilen auf ", "partager sur ", "compartir en ", "condividi su ", "partilhar no ", "compartilhe no ", "delen op ",
        "dela på ", "udostępnij na ", "sdílet na ", "paylaş:",
        // Keyword labels in more languages.
        "stichwörter:", "trefwoorden:", "tagi:", "tagit:", "avainsanat:", "emneord:", "nøkkelord:", "nyckelord:",
        "etiketler:", "anahtar kelimeler:", "štítky:", "címkék:", "мітки:", "теги:", "etiquetes:", "thẻ:", "תגיות:", "etichete:", "ετικέτες:", "الوسوم:", "الكلمات المفتاحية:",
        "كلمات مفتاحية:", "标签：", "標籤：", "タグ：", "태그:", "témata:", "témy:", "oznake:", "tagovi:",
    ];

    /// <summary>
    /// Phrases that only calls to action say, in several languages: paywall and login prompts, consent
    /// placeholders for embedded content, donation, app and newsletter appeals, rating prompts. A short
    /// line holding one is furniture wherever it sits.
    /// </summary>
    private static readonly string[] PromptPhrases =
    [
        // Paywalls and login.
        "réservé aux abonnés", "réservée aux abonnés", "de cet article à lire", "for subscribers only",
        "subscribe to continue reading", "subscribe to read", "to continue reading", "already a subscriber",
        "this article is for subscribers", "this content is for subscribers", "log in to continue", "sign in to continue",
        "nur für abonnenten", "exklusiv für abonnenten", "jetzt weiterlesen", "weiterlesen mit", "abonnieren sie",
        "exclusivo para suscriptores", "contenido exclusivo para", "exclusivo para assinantes", "riservato agli abbonati",
        "alleen voor abonnees", "kun for abonnenter", "endast för prenumeranter", "tylko dla prenumeratorów",
        "会員限定", "有料会員", "続きを読む", "유료 회원",
        // A paywall's trial offer under the story: "Lesen Sie mehr mit … Plus: Jetzt 1 Monat gratis testen!"
        "jetzt gratis testen", "jetzt kostenlos testen", "monat gratis testen", "monate gratis testen", "monat kostenlos testen",
        "wochen gratis testen", "wochen kostenlos testen", "essayez gratuitement", "pruébalo gratis", "start your free trial",
        "start a free trial", "try it free for",
        // The offer priced instead: "Lesen Sie weiter mit dem …-Abo – jetzt 4 Wochen für 1 €".
        "lesen sie weiter mit", "wochen für 1 €", "wochen für 1 euro", "monat für 1 €", "monate für 1 €", "monat für 1 euro",
        // What only members may do under a post (vote in its poll, comment, download): "Только зарегистрированные
        // пользователи могут участвовать в опросе. Войдите, пожалуйста."
        "only registered users can", "only registered users may", "nur registrierte benutzer", "nur registrierte nutzer",
        "seuls les utilisateurs inscrits", "seuls les utilisateurs enregistrés", "solo los usuarios registrados",
        "solo gli utenti registrati", "apenas usuários registrados", "somente usuários registrados", "alleen geregistreerde gebruikers",
        "tylko zarejestrowani użytkownicy", "pouze registrovaní uživatelé", "sadece kayıtlı kullanıcılar",
        "только зарегистрированные пользователи", "лише зареєстровані користувачі", "тільки зареєстровані користувачі",
        // Consent placeholders for embedded content.
        "externen inhalt", "externer inhalt", "ich bin damit einverstanden", "personenbezogene daten können",
        "ein klick für den datenschutz", "inhalte von drittanbietern", "third-party content", "third party content",
        "accept cookies", "enable cookies", "cookie settings", "contenu externe", "contenido externo",
        "contenuto esterno", "conteúdo externo", "empfohlener redaktioneller inhalt", "mit einem klick anzeigen lassen",
        "an dieser stelle findest du", "an dieser stelle finden sie", "wir benötigen ihre zustimmung", "zustimmung erforderlich",
        "we need your consent", "this content is hosted by a third party", "en cliquant sur « j'accepte »",
        // Error and feedback prompts.
        "fehler entdeckt", "fehler gefunden", "inhaltliches feedback", "spotted an error", "spotted a mistake", "found an error",
        "found a mistake", "report an error", "signaler une erreur", "reportar un error", "segnala un errore",
        // A WeChat account's follow prompt over its post: "点击上方蓝字关注我们".
        "关注我们", "關注我們", "点击上方蓝字", "點擊上方藍字",
        // Membership prompts in Japanese, Chinese and Korean.
        "会員登録", "読み放題", "注册会员", "회원가입",
        // Donation, app and newsletter appeals; rating and feedback prompts.
        "support our journalism", "support independent journalism", "donate now", "make a donation", "jetzt spenden",
        "unterstützen sie unsere", "faire un don", "soutenez notre", "haz una donación", "download our app", "download the app",
        "get our app", "app herunterladen", "laden sie die app", "téléchargez l'application", "descarga la app",
        "scarica l'app", "baixe o app", "baixe nosso app", "download onze app", "pobierz aplikację", "ladda ner appen",
        "last ned appen", "hent appen", "lataa sovellus", "uygulamamızı indir", "uygulamamızı hemen indir", "скачайте приложение",
        // A blogger's tip jar and an association's appeal, in their own words: "Buy me a coffee", "Støt mig på Ko-fi",
        // "Támogass minket!", "Ajánld fel adód 1%-át".
        "ko-fi", "buy me a coffee", "buymeacoffee", "spendier mir einen kaffee", "offrez-moi un café", "invítame a un café",
        "offrimi un caffè", "postaw mi kawę", "kup mi kawę", "támogass minket", "támogasson minket", "adód 1%", "adód 1 %",
        "podpořte nás", "podpořte naši", "steun ons werk", "tue työtämme", "apoie nosso trabalho", "sostienici",
        "steun onze journalistiek", "wesprzyj nas", "støt vores arbejde", "stöd vårt arbete", "støtt oss", "bağış yap",
        "поддержите нас", "doe agora", "faça uma doação", "faça sua doação", "dona ora", "fai una donazione", "haz tu donación", "doe een donatie", "przekaż darowiznę", "sostieni il nostro", "apoya nuestro periodismo", "forward it to a friend",
        "sign up for our newsletter", "subscribe to our newsletter", "newsletter abonnieren", "abonnez-vous à notre newsletter",
        "suscríbete a nuestro boletín", "iscriviti alla newsletter", "was this article helpful", "war dieser artikel hilfreich",
        "cet article vous a-t-il", "te ha resultado útil", "rate this article", "artikel bewerten", "to your inbox",
        "tell us what you think", "click here for more", "wie hat ihnen dieser artikel gefallen", "hat ihnen dieser artikel gefallen",
        "wie gefällt ihnen dieser artikel", "fanden sie diesen artikel", "hat dir der beitrag gefallen", "hat dir dieser beitrag gefallen",
        "hat dir der artikel gefallen", "hat dir dieser artikel gefallen", "hat ihnen der beitrag gefallen", "hat ihnen dieser beitrag gefallen",
        "did you enjoy this post", "did you enjoy this article", "if you enjoyed this post", "vous avez aimé cet article", "te ha gustado este post",
        "ti è piaciuto questo post", "gostou deste post", "podobał ci się ten artykuł", "понравилась статья?", "beitrag bewerten", "bewerten sie diesen", "did you like this article",
        "did you find this article", "how would you rate", "rate this post", "click on a star to rate", "no votes so far",
        "avez-vous aimé cet article", "notez cet article", "te ha gustado este artículo", "valora este artículo",
        "ti è piaciuto questo articolo", "vota questo articolo", "gostou deste artigo", "avalie este artigo", "vond je dit artikel",
        "creative commons license", "creative commons licence", "creative-commons-lizenz", "creative commons-lizenz",
        "licence creative commons", "licencia creative commons", "licenza creative commons", "licença creative commons", "tous droits réservés", "alle rechte vorbehalten",
        "todos los derechos reservados", "tutti i diritti riservati", "todos os direitos reservados",
        // Consent placeholders and rating prompts in more languages.
        "wyrazić zgodę", "aby ją wyświetlić", "pochodzi z serwisu zewnętrznego", "om deze inhoud te bekijken", "para ver este contenido",
        "per visualizzare questo contenuto", "pour afficher ce contenu", "um diesen inhalt zu sehen", "to view this content",
        "para visualizar este conteúdo", "pro zobrazení tohoto obsahu", "för att se detta innehåll", "nähdäksesi tämän sisällön",
        "bu içeriği görüntülemek için", "чтобы посмотреть этот контент", "για να δείτε αυτό το περιεχόμενο",
        "wat vind je van dit artikel", "wat vond je van dit artikel", "what do you think of this article", "que pensez-vous de cet article",
        "qué te ha parecido este artículo", "cosa ne pensi di questo articolo", "o que achou deste artigo", "jak oceniasz ten artykuł",
        "co si myslíte o tomto článku", "vad tycker du om artikeln", "mitä mieltä olit artikkelista", "bu haberi nasıl buldunuz",
        "как вам статья", "оцените статью", "aantal stemmen", "anzahl der bewertungen", "número de votos", "numero di voti", "liczba głosów",
        "počet hlasů", "antal röster", "vote count", "wie hilfreich war", "war diese seite hilfreich", "war dieser beitrag hilfreich",
        "was this page helpful", "was this helpful", "cette page vous a-t-elle", "cet article vous a été utile", "¿le ha resultado útil",
        "questo articolo ti è stato utile", "questa pagina ti è stata utile", "esta página foi útil", "was deze informatie nuttig", "was deze pagina nuttig",
        "czy ten artykuł był pomocny", "czy ta strona była pomocna", "byl pro vás tento článek užitečný", "bu içerik faydalı oldu mu",
        "была ли эта статья полезной", "эта статья была полезной", "apakah artikel ini membantu",
        // A help centre's vote count and its closing prompt: "12 von 15 fanden dies hilfreich", "Haben Sie weitere Fragen?".
        "fanden dies hilfreich", "found this helpful", "ont trouvé ceci utile", "ont trouvé cela utile", "les pareció útil",
        "lo hanno trovato utile", "vonden dit nuttig", "haben sie weitere fragen", "have more questions", "vous avez d'autres questions",
        "¿tienes más preguntas", "¿tiene más preguntas", "hai altre domande", "still need help", "ainda precisa de ajuda",
        "brauchen sie weitere hilfe", "besoin d'aide supplémentaire", "¿necesitas más ayuda", "¿aún necesitas ayuda",
        "hai ancora bisogno di aiuto", "nog steeds hulp nodig", "acharam isso útil",
        "von 5 sternen", "out of 5 stars", "sur 5 étoiles", "de 5 estrellas", "su 5 stelle", "de 5 estrelas", "z 5 gwiazdek",
        // Subscription and sharing appeals closing a post.
        "subscribe for free", "receive new posts", "abonnez-vous gratuitement", "inscrivez-vous gratuitement", "kostenlos abonnieren",
        "suscríbete gratis", "iscriviti gratuitamente", "assine gratuitamente", "gratis abonneren",
        // Hungary's appeal to give 1% of one's income tax to an association ("Támogassa munkánkat adója 1%-ával!").
        "adója 1%", "adója 1 %", "adójuk 1%", "szja 1%", "підписуйтесь на", "підписуйтеся на", "подписывайтесь на", "abonează-te la",
        "iratkozzon fel", "tilmeld dig vores nyhedsbrev", "tilaa uutiskirje", "subscriu-te", "đăng ký nhận", "הירשמו לניוזלטר", "share with your friends", "compartilhe com seus amigos", "partagez cet article",
        "teilen sie diesen artikel", "comparte este artículo", "condividi questo articolo", "udostępnij ten artykuł",
        // Reprint notices of Korean, Japanese and Chinese publishers.
        "무단전재", "무단 전재", "재배포 금지", "재배포금지", "無断転載を禁", "無断転載・複製を禁", "未经授权不得转载", "未经授权，不得转载",
        "未經授權不得轉載", "未經授權，不得轉載", "未经许可，不得转载", "未经许可不得转载", "禁止转载",
        // Notices that an agency's story was taken over unedited.
        "automatisch übernommen", "auto-generated from a syndicated feed", "published from a wire agency feed",
        "सिंडिकेट फीड से", "संपादित नहीं किया गया", "unter ausschliesslicher inhaltlicher verantwortung", "unter ausschließlicher inhaltlicher verantwortung", "来源：", "來源：",
        // Affiliate disclosures.
        "affiliate link", "affiliate-link", "affiliate commission", "earn a commission", "receive a commission",
        "earn an affiliate", "erhalten wir eine provision", "erhalten wir ggf. eine provision", "lien d'affiliation",
        "liens d'affiliation", "liens affiliés", "enlaces de afiliado", "enlaces de afiliación", "link di affiliazione",
        "link affiliati", "links de afiliado", "アフィリエイトリンク", "アフィリエイト広告", "プロモーションが含まれ", "쿠팡 파트너스",
        "파트너스 활동", "linki afiliacyjne", "linków afiliacyjnych", "affiliatelänkar", "affiliate odkaz", "afiliační odkaz",
        // Advertising and comment rules.
        "remove ads", "werbefrei lesen",
        // Notices to readers who block ads: "Ad block users: Some site features may not work correctly while an ad blocker is enabled".
        "ad blocker is enabled", "adblocker is enabled", "ad blocker enabled", "disable your ad blocker", "disable your adblocker",
        "turn off your ad blocker", "turn off your adblocker", "whitelist our site", "adblocker deaktivieren", "werbeblocker deaktivieren",
        "deaktivieren sie ihren adblocker", "deaktivieren sie ihren werbeblocker", "désactivez votre bloqueur", "désactiver votre bloqueur",
        "desactiva tu bloqueador", "desactive su bloqueador", "disattiva il tuo adblock", "disattiva l'adblock", "desative seu bloqueador",
        "schakel je adblocker uit", "wyłącz adblock", "vypněte adblock", "stäng av din annonsblockerare", "reklam engelleyiciyi kapat",
        "отключите блокировщик рекламы", "comments are moderated", "comment policy", "community guidelines", "kommentarregeln",
        "netiquette", "ihre kommentare", "não serão aprovados", "serán moderados",
        // Reading time beside a date: "29.06.2023 | Lesedauer: 7 Minuten".
        "lesedauer", "min read", "minute read", "minutes read", "temps de lecture", "tiempo de lectura", "tempo de leitura", "tempo di lettura",
    ];

    /// <summary>Labels of a post-meta line ("05/10/2018 - Posted by: Ann - Category: Health"), at its start or after a separator.</summary>
    private static readonly string[] PostMetaLabels =
    [
        "posted by:", "publicado por:", "publié par :", "veröffentlicht von:", "pubblicato da:", "category:", "categories:",
        "categoria:", "kategorie:", "catégorie :", "categoría:", "posted in:", "veröffentlicht in:", "publié dans :",
        "publicado en:", "pubblicato in:", "kategorien:", "rubrik:", "abgelegt unter:", "categorie:", "categorias:", "categorías:",
        // A public body's record of the page (Poland's BIP "metryczka", Czech official boards): who wrote, published, changed it.
        "wytworzył:", "wytworzyła:", "opublikował:", "opublikowała:", "zmodyfikował:", "zmodyfikowała:", "wprowadził:",
        "wprowadziła:", "zveřejnil:", "zveřejnila:", "erstellt von:",
    ];

    /// <summary>Words that start a byline: "By Jane Doe", "Von Hans Meier", "Par Jean Dupont".</summary>
    private static readonly string[] BylineStarts =
    [
        "by ", "von ", "par ", "por ", "di ", "door ", "av ", "af ", "written by ", "reporting by ",
        // A writer's label ("autor: Jan Kowalski" under a Polish agency story, "Penulis: Rina Ayu").
        // A parish's or club's closing credit for the text and its picture: "Text: Pfarrbüro / Foto: M. Muster".
        "text:", "text und foto:", "text & foto:", "text/foto:", "texte :", "texte:", "testo:", "tekst:",
        "автор:", "author:", "autor:", "autorka:", "autore:", "auteur :", "auteur:", "szerző:", "yazar:", "penulis:", "forfatter:", "författare:",
        // Blog software's post footer: "Posted by Ann at 09:12", "Eingestellt von Helga um 09:12".
        "posted by ", "eingestellt von ", "geschrieben von ", "publié par ", "publicado por ", "pubblicato da ", "geplaatst door ",
    ];

    /// <summary>Month and weekday names (and abbreviations) in the languages we see most; a dateline names one.</summary>
    private static readonly FrozenSet<string> CalendarWords = FrozenSet.ToFrozenSet(
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "montag", "dienstag",
        "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
        "octubre", "noviembre", "diciembre", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
        "segunda", "terça", "quarta", "quinta", "sexta", "feira",
        "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "januari", "februari", "maart", "mei", "augustus", "maj", "augusti",
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
        "ноября", "декабря", "年", "月", "日", "gen", "mag", "giu", "lug", "ago", "set", "ott", "dic",
        "maret", "agustus", "desember", "okt", "dez", "mär", "mrz", "janv", "févr", "avr", "juil", "déc",
        "ene", "abr", "dic", "fev", "out",
        "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
        "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık",
        "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar",
        "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października",
        "listopada", "grudnia", "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
        "ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
        "년", "월", "일", "오전", "오후",
        // Vietnamese weekdays are "thứ" and a number word ("Thứ hai", "Thứ năm"), Sunday "Chủ nhật".
        "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "ngày", "tháng",
    ], StringComparer.Ordinal);

    /// <summary>Other words a dateline holds beside dates: time zones, "published", "updated", prepositions.</summary>
    private static readonly FrozenSet<string> DatelineWords = FrozenSet.ToFrozenSet(
    [
        "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "ct", "pt", "cet", "cest",
        "bst", "ist", "msk", "jst", "aest", "hkt", "sgt", "am", "pm", "a.m", "p.m", "h",
        "published", "updated", "posted", "last", "modified", "on", "at", "publié", "mis", "à", "jour", "le",
        "veröffentlicht", "aktualisiert", "um", "uhr", "publicado", "actualizado", "atualizado", "el", "em", "a",
        "las", "de", "às", "pubblicato", "aggiornato", "il", "alle", "opublikowano", "опубликовано",
        "обновлено", "в", "г", "時", "分", "first", "th", "st", "nd", "rd", "er", "ème", "de", "du", "der", "den",
        "diperbarui", "dipublikasikan", "pada", "pukul", "wib", "saat", "stand", "datum", "fecha", "date", "op", "klo", "kl",
        "更新日", "公開日", "掲載日", "作成日", "登録日", "发布时间", "发布日期", "更新时间", "发表时间", "작성일", "등록일", "수정일",
        "입력", "수정", "기사입력", "최종수정", "업데이트",
        // "Ultima modifica 12/03/2024", "Zuletzt geändert am …", "Data publikacji: …", "Son güncelleme: …".
        "ultima", "ultimo", "modifica", "aggiornamento", "pubblicazione", "data", "del", "última", "modificación", "actualización",
        "publicación", "atualização", "publicação", "dernière", "modification", "publication", "zuletzt", "geändert",
        "letzte", "änderung", "erstellt", "publikacji", "aktualizacji", "modyfikacji", "ostatnia", "laatst",
        "gewijzigd", "bijgewerkt", "дата", "публикации", "изменения", "обновления", "son", "güncelleme", "tarihi",
        "yayın", "terakhir", "senast", "uppdaterad", "publicerad", "ändrad", "sist", "oppdatert", "publisert", "endret",
        "opdateret", "offentliggjort", "ændret", "päivitetty", "julkaistu", "muokattu", "aktualizováno", "publikováno", "vloženo",
        "δημοσιεύθηκε", "δημοσίευση", "ενημερώθηκε", "ενημέρωση", "प्रकाशित", "अपडेट", "अपडेटेड",
        // The page a site's stamp dates: "Sidan senast uppdaterad: 28 oktober 2024", "Seite zuletzt geändert am …", "Page last updated …".
        "sidan", "siden", "seite", "page", "página", "pagina", "sivu", "sivua",
        // The stamp in more languages: "Sidan uppdaterades: 3 september 2024", "Senest opdateret: 12. juni 2024", "Poslední
        // aktualizace: 10. 1. 2024", "Laatste wijziging: …", "Utolsó módosítás: …", "Ultima actualizare: …", "Ažurirano: …".
        "uppdaterades", "uppdaterat", "publicerades", "publicerat", "senest", "sidst", "viimeksi", "poslední", "aktualizace",
        "naposledy", "upraveno", "aktualizované", "zmenené", "laatste", "wijziging", "utolsó", "módosítás", "frissítve",
        "frissítés", "actualizare", "actualizat", "publicat", "ažurirano", "objavljeno", "posodobljeno", "zaktualizowano",
        "aktualizacja",
        // "14 aprile 2024, ore 16:20", "8 marca 2024, godz. 12:40": the word before the clock time.
        "ore", "godz",
        // What the stamp dates: "Meldung vom 15.01.2025", "Pressemitteilung vom …", "Communiqué du …", "Nota de prensa del …".
        "vom", "meldung", "pressemitteilung", "pressemeldung", "medienmitteilung", "mitteilung", "nachricht", "beitrag",
        "artikel", "news", "communiqué", "comunicato", "stampa", "nota", "prensa", "noticia", "notícia", "persbericht",
        "nieuwsbericht", "pressmeddelande", "pressemelding", "komunikat", "tisková", "zpráva",
        // The age a stamp gives beside the date: "23/08/2022 13h40 Atualizado há 2 anos", "Updated 3 hours ago".
        "ago", "há", "hace", "fa", "geleden", "temu", "önce", "назад", "lalu", "yang", "vor", "il", "y",
        "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
        "minuto", "minutos", "hora", "horas", "dia", "dias", "día", "días", "semana", "semanas", "mes", "meses", "mês",
        "ano", "anos", "año", "años", "minuti", "giorni", "anni", "mesi", "minuten", "uur", "dagen", "jaar", "stunden",
        "tagen", "jahren", "monaten", "menit", "jam", "hari", "tahun", "bulan", "ans", "jours", "heures", "mois", "semaines",
    ], StringComparer.Ordinal);

    /// <summary>Labels whose next line is a keyword list: "Tags" then "budget, bridge, council".</summary>
    private static readonly FrozenSet<string> KeywordLabels = FrozenSet.ToFrozenSet(
    [
        "tags", "tagged", "tagged with", "keywords", "topics", "related topics", "schlagwörter", "schlagworte",
        "themen", "etiquetas", "temas", "mots-clés", "sujets", "tag", "argomenti", "теги", "метки", "темы", "関連キーワード",
        "关键词", "關鍵詞", "키워드", "etiketler", "anahtar kelimeler", "štítky", "klíčová slova", "tagi", "słowa kluczowe",
        "trefwoorden", "palavras-chave", "parole chiave", "stichwörter", "الوسوم", "وسوم", "الكلمات المفتاحية", "タグ", "标签", "標籤", "태그",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Headings of a box that follows the story but is not part of it: the author's bio ("About the author",
    /// "Über mich"), the licence, the comments and related posts. The heading and the lines under it, up to
    /// the next heading, are dropped (compared lower-case, without a count before or a colon after).
    /// </summary>
    private static readonly FrozenSet<string> FurnitureSectionHeadings = FrozenSet.ToFrozenSet(
    [
        "about me", "about the author", "about the authors", "about the writer", "about author", "author bio", "the author",
        "über mich", "über den autor", "über die autorin", "über die autoren", "zur person", "zum autor", "zur autorin",
        "der autor", "die autorin", "à propos de l'auteur", "à propos de l’auteur", "l'auteur", "l’auteur", "qui suis-je",
        "à propos de moi", "sobre el autor", "sobre la autora", "sobre mí", "acerca del autor", "sobre o autor", "sobre a autora",
        "sobre mim", "l'autore", "l’autore", "sull'autore", "chi sono", "over de auteur", "over mij", "om författaren",
        "om forfatteren", "om meg", "o autorze", "o mnie", "об авторе", "обо мне", "wer bin ich", "quién soy", "quem sou eu",
        "kim jestem", "ben kimim", "saya siapa", "o mně", "o autorovi", "o autorce", "om mig", "om skribenten", "hakkımda",
        "yazar hakkında", "tentang saya", "tentang penulis", "σχετικά με εμένα", "σχετικά με τον συγγραφέα", "من أنا", "عن الكاتب",
        "نبذة عن الكاتب", "मेरे बारे में", "लेखक के बारे में", "关于我", "關於我", "关于作者", "關於作者", "作者简介", "作者簡介",
        "博主简介", "自己紹介", "プロフィール", "著者プロフィール", "この記事を書いた人", "블로거 소개", "작성자 소개",
        // The site's own about-us box in a sidebar or a footer made of divs.
        "about us", "über uns", "wir über uns", "à propos", "qui sommes-nous", "quiénes somos", "sobre nosotros", "chi siamo",
        "quem somos", "sobre nós", "over ons", "o nas", "o nás", "om oss", "om os", "hakkımızda", "о нас", "tentang kami",
        "σχετικά με εμάς", "من نحن", "हमारे बारे में", "关于我们", "關於我們", "私たちについて", "회사소개",
        "license", "licence", "lizenz", "lizenzhinweis", "licencia", "licenza", "licença",
        "comments", "leave a reply", "leave a comment", "kommentare", "schreibe einen kommentar", "kommentar schreiben",
        "commentaires", "laisser un commentaire", "comentarios", "deja un comentario", "commenti", "lascia un commento",
        "comentários", "deixe um comentário", "reacties", "комментарии",
        "related posts", "related articles", "ähnliche beiträge", "ähnliche artikel", "verwandte artikel", "weitere artikel",
        "das könnte dich auch interessieren", "articles similaires", "articles liés", "entradas relacionadas",
        "artículos relacionados", "artigos relacionados", "posts relacionados", "articoli correlati", "gerelateerde artikelen",
        "contact presse", "contacts presse", "pressekontakt", "medienkontakt", "press contact", "press contacts", "media contact",
        "media contacts", "contacto de prensa", "contatto stampa", "contato de imprensa", "like this", "share this",
        "contactos de prensa", "contacto de imprensa", "contactos de imprensa", "contatti stampa", "contatti per la stampa",
        "kontakt dla mediów", "kontakt dla prasy", "perscontact", "presskontakt", "mediakontakt", "kontakt för media",
        "tiskový kontakt", "kontakt pro média", "medya iletişim", "basın iletişim", "контакты для прессы", "контакты для сми",
        "kontak media", "kontak pers", "επικοινωνία τύπου", "للتواصل الإعلامي", "मीडिया संपर्क", "本件に関するお問い合わせ",
        "本件に関するお問い合わせ先", "報道関係者のお問い合わせ先", "媒体联系", "媒体联络", "언론 문의", "보도 문의",
        // The notes to editors under a press release: the issuer's description and the press office.
        "notes to editors", "note to editors", "notes for editors", "hinweise für redaktionen", "hinweis für redaktionen",
        "hinweis an die redaktionen", "notes aux rédactions", "noot voor de redactie",
        "customer reviews", "user reviews", "kundenbewertungen", "bewertungen", "avis clients", "reseñas de clientes",
        "recensioni dei clienti", "avaliações de clientes",
        // Readers' comments and reviews under the story.
        "reviews", "reader reviews", "reader comments", "readers' comments", "responses", "leserkommentare",
        "recensioni", "reseñas", "opiniones de los lectores", "avaliações", "recensies", "opinie czytelników", "komentarze",
        "recenzje", "kommentarer", "kommentit", "komentáře", "komentari", "yorumlar", "hozzászólások", "σχόλια", "отзывы",
        "коментарі", "comentarii", "comentaris", "bình luận", "ความคิดเห็น", "תגובות", "التعليقات", "コメント", "评论", "評論", "댓글",
    ], StringComparer.Ordinal);

    /// <summary>
    /// How a content management system titles the comments under a post, before the post's title or a count:
    /// "12 thoughts on “…”", "One response to “…”", "2 Antworten auf „…“", "3 réflexions sur « … »".
    /// </summary>
    private static readonly string[] CommentsTitleStarts =
    [
        "thoughts on ", "thought on ", "responses to ", "response to ", "replies to ", "reply to ", "comments on ", "comment on ",
        "kommentare zu ", "kommentar zu ", "gedanken zu ", "gedanke zu ", "antworten auf ", "antwort auf ", "réflexions sur ",
        "réflexion sur ", "commentaires sur ", "commentaire sur ", "réponses à ", "réponse à ", "comentarios en ",
        "comentarios sobre ", "comentario en ", "respuestas a ", "respuesta a ", "risposte a ", "risposta a ", "commenti su ",
        "commento su ", "reacties op ", "reactie op ", "comentários em ", "comentário em ", "komentarze do ",
    ];

    /// <summary>Number words that may open a comments title instead of digits ("One thought on …").</summary>
    private static readonly string[] CommentCountWords = ["one ", "ein ", "eine ", "un ", "une ", "uno ", "una ", "um ", "een ", "jeden "];

    /// <summary>
    /// Headings of a module of links to other stories ("Related", "You may also like", "Mehr zum Thema"), in several
    /// languages (compared lower-case, without end punctuation). A container that opens with one is not the story, and
    /// the teaser lines under such a heading inside the story are dropped with it.
    /// </summary>
    private static readonly FrozenSet<string> RelatedHeadings = FrozenSet.ToFrozenSet(
    [
        "related", "related articles", "related stories", "related posts", "related content", "related news", "related coverage",
        "related links", "related reading", "related topics", "you may also like", "you might also like", "you may like",
        "you might like", "you may be interested in", "you might be interested in", "recommended", "recommended for you",
        "recommended stories", "recommended articles", "recommended reading", "recommendations", "read next", "what to read next", "read these next",
        "more stories", "more articles", "more news", "more from", "more on this story", "more on this topic", "further reading",
        "see also", "also read", "read also", "most popular", "most read", "popular stories", "popular posts", "trending", "trending now",
        "don't miss", "editor's picks", "editors' picks", "keep reading",
        "mehr zum thema", "das könnte sie auch interessieren", "das könnte dich auch interessieren", "weitere artikel",
        // Other news of the institution under or beside its release: "Weitere Meldungen", "Další zprávy", "Altre notizie".
        "weitere meldungen", "weitere nachrichten", "weitere news", "weitere pressemitteilungen", "weitere beiträge", "aktuelle meldungen",
        "neueste meldungen", "other news", "latest news", "más noticias", "otras noticias", "altre notizie", "autres actualités",
        "meer nieuws", "ander nieuws", "další zprávy", "další aktuality", "pozostałe aktualności", "inne aktualności", "flere nyheter",
        "fler nyheter", "flere nyheder", "muut uutiset", "diğer haberler", "другие новости", "інші новини",
        "ähnliche artikel", "ähnliche beiträge", "verwandte artikel", "verwandte themen", "lesen sie auch", "auch interessant",
        "meistgelesen", "meistgelesene artikel", "meist gelesen", "zum weiterlesen", "passend zum thema", "empfohlene artikel", "empfehlungen", "unsere empfehlungen",
        "à lire aussi", "lire aussi", "sur le même sujet", "articles similaires", "articles liés", "vous aimerez aussi",
        "vous aimerez peut-être aussi", "les plus lus", "à voir aussi", "dans la même rubrique",
        "te puede interesar", "también te puede interesar", "noticias relacionadas", "artículos relacionados", "lo más leído",
        "lee también", "quizás te interese", "te recomendamos", "recomendaciones", "recommandations", "nos recommandations", "você pode gostar", "você também pode gostar", "leia também",
        "veja também", "notícias relacionadas", "artigos relacionados", "posts relacionados", "mais lidas", "leggi anche",
        "articoli correlati", "potrebbe interessarti", "potrebbe interessarti anche", "ti potrebbe interessare", "i più letti",
        "lees ook", "gerelateerde artikelen", "meest gelezen", "ook interessant", "czytaj także", "czytaj też", "zobacz także",
        "zobacz też", "polecamy", "najczęściej czytane", "powiązane artykuły", "читайте также", "похожие статьи",
        "смотрите также", "самые популярные", "les også", "läs också", "læs også", "mest lest", "mest läst", "čtěte také",
        "související články", "ilgili haberler", "benzer haberler", "baca juga", "lihat juga", "simak juga", "berita terkait", "artikel terkait",
        "схожі новини", "новини на тему", "читайте також", "articole similare", "știri similare", "citește și", "kapcsolódó",
        "kapcsolódó cikkek", "ajánlott cikkek", "lue myös", "aiheesta lisää", "relaterede artikler", "notícies relacionades",
        "llegeix també", "et pot interessar", "tin liên quan", "bài liên quan", "tin cùng chuyên mục", "ข่าวที่เกี่ยวข้อง",
        "ข่าวเกี่ยวข้อง", "כתבות נוספות", "עוד בנושא", "أخبار ذات صلة", "مقالات ذات صلة", "اقرأ أيضا", "اقرأ أيضاً",
        "σχετικά άρθρα", "σχετικές ειδήσεις", "διαβάστε επίσης",
        "関連記事", "あわせて読みたい", "おすすめ記事", "相关文章", "相关阅读", "相关新闻", "推荐阅读", "相關新聞", "관련기사", "관련 기사",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RelatedHeadingLookup =
        RelatedHeadings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longest heading compared with <see cref="RelatedHeadings"/>.</summary>
    private const int MaxRelatedHeadingChars = 60;

    /// <summary>
    /// A heading over links to other stories: one of <see cref="RelatedHeadings"/>, or "More … stories" and "Самые
    /// популярные …" with a word or two between or after (the site's or the topic's name).
    /// </summary>
    internal static bool IsRelatedHeading(string text)
    {
        var heading = text.AsSpan().Trim().TrimEnd(".:…!?›»> ");
        if (heading.Length == 0 || heading.Length > MaxRelatedHeadingChars)
            return false;
        Span<char> lower = stackalloc char[heading.Length];
        LowerCase(heading, lower);
        if (RelatedHeadingLookup.Contains(lower))
            return true;
        ReadOnlySpan<char> words = lower;
        return words.StartsWith("more ") && (words.EndsWith(" stories") || words.EndsWith(" articles") || words.EndsWith(" news"))
            || words.StartsWith("more from ") || words.StartsWith("related ") || words.StartsWith("most popular ")
            || words.StartsWith("most read ") || words.StartsWith("mehr aus ") || words.StartsWith("самые популярные ")
            // "'여행' 카테고리의 다른 글": the blog's other posts in the same category.
            || words.EndsWith("카테고리의 다른 글") || words.EndsWith("カテゴリーの最新記事") || words.StartsWith("other posts in ");
    }

    /// <summary>A furniture box is short; past this many lines under its heading the text is the page's again.</summary>
    private const int MaxFurnitureSectionLines = 6;

    /// <summary>The blocks that are not furniture; those dropped are recorded in <paramref name="dropped"/> with their rule, when the extraction is explained.</summary>
    public static List<TextBlock> Filter(List<TextBlock> blocks, Article article, Uri? pageUri, List<DroppedBlock>? dropped = null)
    {
        var title = Normalize(article.Title);
        var pageHost = HostOf(article.Url) ?? pageUri?.Host;
        var kept = new List<TextBlock>(blocks.Count);
        bool afterKeywordLabel = false;
        bool inRelatedList = false;
        int furnitureSectionLines = -1;
        int boxLines = 0;
        int firstParagraph = blocks.FindIndex(block => block.Kind == BlockKind.Paragraph);
        int lastParagraph = blocks.FindLastIndex(block => block.Kind == BlockKind.Paragraph);
        for (int index = 0; index < blocks.Count; index++)
        {
            var block = WithoutShortcodes(blocks[index], out bool opensRelatedBox);
            // "[su_box title="Baca Juga"]" on a line of its own: the links on the lines after it are the box's.
            if (opensRelatedBox)
                inRelatedList = true;
            if (index == firstParagraph)
                block = WithoutLeadingDateline(block);
            if (index == lastParagraph)
                block = WithoutAgencyTail(block);
            if (block.Text.Length == 0)
                continue;
            if (IsSourceListTail(blocks, index))
            {
                if (dropped is not null)
                    for (; index < blocks.Count; index++)
                        ExtractionTrace.Drop(dropped, "source list", blocks[index].Text);
                break;
            }
            if (boxLines > 0)
            {
                boxLines--;
                if (dropped is not null)
                    ExtractionTrace.Drop(dropped, "box", block.Text);
                continue;
            }
            // A contact box closing a press release, a pros and cons box: the title and the lines that make the box.
            if ((boxLines = IsContactHeading(block.Text) || IsContactTitleLine(block.Text) ? ContactBoxLines(blocks, index) : 0) > 0
                || (boxLines = ProsConsBoxLines(blocks, index) - 1) > 0)
            {
                if (dropped is not null)
                    ExtractionTrace.Drop(dropped, "box", block.Text);
                continue;
            }
            boxLines = 0;
            if (inRelatedList && IsTeaserLine(block) || IsRelatedHeading(block.Text) || IsTableOfContentsTitle(block.Text))
            {
                inRelatedList = true;
                if (dropped is not null)
                    ExtractionTrace.Drop(dropped, "related links", block.Text);
                continue;
            }
            inRelatedList = false;
            if (IsFurnitureSectionHeading(block.Text) || block.Kind == BlockKind.Heading && IsAuthorCardHeading(block.Text))
                furnitureSectionLines = 0;
            else if (block.Kind == BlockKind.Heading || furnitureSectionLines >= MaxFurnitureSectionLines)
                furnitureSectionLines = -1;
            if (furnitureSectionLines >= 0)
            {
                furnitureSectionLines++;
                if (dropped is not null)
                    ExtractionTrace.Drop(dropped, "furniture section", block.Text);
                continue;
            }
            bool isLabel = block.Text.Length <= MaxLabelChars && KeywordLabels.Contains(LowerCase(block.Text).TrimEnd(':', ' '));
            bool isKeywordList = afterKeywordLabel && block.Text.Length <= MaxFurnitureChars * 2;
            afterKeywordLabel = isLabel;
            var rule = isLabel ? "keyword label" : isKeywordList ? "keyword list" : FurnitureRule(block, title, article.Authors, pageHost, index >= blocks.Count - 2, kept.Count == 0);
            if (rule is not null)
            {
                // The product's name over a price box's price or button ("Example 40 Mower", "ab 279,00 €"), a picture's
                // caption over its credit ("Besucher am Eröffnungstag." over "Bild: Example / C. Lenz").
                if (kept.Count > 0 && kept[^1].Text == blocks[index - 1].Text
                    && (rule == ShopButtonRule && IsProductName(kept[^1]) || rule == FurniturePrefixRule && IsCaptionOverCredit(kept[^1], block.Text)))
                {
                    if (dropped is not null)
                        ExtractionTrace.Drop(dropped, rule == ShopButtonRule ? "product name" : "caption", kept[^1].Text);
                    kept.RemoveAt(kept.Count - 1);
                }
                // The kicker over the headline ("Verbraucherschutz", "Recherche"), or the dateline opening the text over it
                // ("Pressemitteilung Nr. 45/2024 vom 18.06.2024").
                if (rule == HeadlineRule && kept.Count > 0 && kept[^1].Text == blocks[index - 1].Text
                    && (IsKicker(kept[^1]) || kept.Count == 1 && IsAboveHeadline(kept[^1])))
                {
                    if (dropped is not null)
                        ExtractionTrace.Drop(dropped, IsKicker(kept[^1]) ? "kicker" : "over the headline", kept[^1].Text);
                    kept.RemoveAt(kept.Count - 1);
                }
                if (dropped is not null)
                    ExtractionTrace.Drop(dropped, rule, block.Text);
                continue;
            }
            kept.Add(block);
        }
        if (kept.Count > 1)
            DropRepeatedQuotes(kept, dropped);
        return kept;
    }

    /// <summary>Longest quote compared with the rest of the text: a pull quote is a sentence or two.</summary>
    private const int MaxPullQuoteChars = 400;

    /// <summary>
    /// Pull quotes: a quote whose words the story says again elsewhere, set large beside the text. The story's sentence
    /// stays, the repetition goes.
    /// </summary>
    private static void DropRepeatedQuotes(List<TextBlock> kept, List<DroppedBlock>? dropped)
    {
        string? story = null;
        for (int i = kept.Count - 1; i >= 0; i--)
        {
            if (kept[i].Kind != BlockKind.Quote || kept[i].Text.Length > MaxPullQuoteChars || Normalize(kept[i].Text) is not { Length: >= MinKickedTitleChars } quote)
                continue;
            if (story is null)
            {
                var others = new System.Text.StringBuilder();
                foreach (var block in kept)
                    if (block.Kind != BlockKind.Quote)
                        others.Append(Normalize(block.Text)).Append('\n');
                story = others.ToString();
            }
            if (story.Contains(quote, StringComparison.Ordinal))
            {
                if (dropped is not null)
                    ExtractionTrace.Drop(dropped, "pull quote", kept[i].Text);
                kept.RemoveAt(i);
            }
        }
    }

    /// <summary>Starts of a picture's credit line ("Foto: …", "Bild: …", "© …").</summary>
    private static readonly string[] PictureCreditStarts = ["©", "(c) ", "photo:", "photos:", "image:", "picture:", "credit:", "foto:", "fotos:", "bild:", "фото:", "imagen:", "crédit"];

    /// <summary>Longest caption over a credit: a body paragraph is longer.</summary>
    private const int MaxCaptionChars = 120;

    /// <summary>A short paragraph right over a picture's credit line is that picture's caption.</summary>
    private static bool IsCaptionOverCredit(TextBlock previous, string credit)
    {
        if (previous.Kind != BlockKind.Paragraph || previous.Text.Length > MaxCaptionChars)
            return false;
        foreach (var start in PictureCreditStarts)
            if (credit.StartsWith(start, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>Agencies whose short credit ends a story's last paragraph ("… aufgenommen. (dpa/lno)", "… © dpa-infocom, dpa:240305-99-1/3").</summary>
    private static readonly FrozenSet<string> Agencies = FrozenSet.ToFrozenSet(
    [
        "dpa", "afp", "ap", "reuters", "epd", "kna", "apa", "sda", "ats", "ansa", "adnkronos", "efe", "europa", "press", "anp", "belga", "ntb",
        "tt", "ritzau", "stt", "pap", "čtk", "ctk", "tasr", "mti", "hina", "tanjug", "bta", "tass", "ria", "interfax", "ukrinform", "xinhua",
        "kyodo", "jiji", "yonhap", "lusa", "agência", "brasil", "dts", "ddp", "sid", "idea", "ots", "upi", "aa", "ana", "mpa", "ips",
        "agerpres", "mediafax", "απε", "μπε", "ttxvn", "vna", "wafa", "mena", "kuna", "qna", "wam", "petra", "irna", "unian",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AgencyLookup = Agencies.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Fewest words of the story sentence before an agency credit: a caption credited the same way is shorter, or reads as a
    /// label without a sentence's end ("Feuerwehrleute in der Halle (dpa/lno)"); a wire story may close on a short sentence
    /// ("Energiministeren sier regjeringen følger situasjonen nøye. (©NTB)").
    /// </summary>
    private const int MinAgencyTailStoryWords = 5;

    /// <summary>
    /// The story's last paragraph without the agency credit that ends it: "Die Kriminalpolizei ermittelt. (dpa/lno)" as
    /// "Die Kriminalpolizei ermittelt.". The credit must follow a finished sentence and name only agencies and their desk
    /// codes (lower-case short words, numbers); a photographer's name or a picture label makes the line a caption, left to
    /// the caption rule.
    /// </summary>
    /// <summary>The story's first paragraph without the dateline glued before its sentence ("21.03.2024, 11:05 Uhr – In Leipzig
    /// …"), as a lead loses it (<see cref="LeadFinder.WithoutLeadingDateline"/>).</summary>
    private static TextBlock WithoutLeadingDateline(TextBlock block)
    {
        var text = LeadFinder.WithoutLeadingDateline(block.Text);
        if (ReferenceEquals(text, block.Text))
            return block;
        var markdown = block.Markdown;
        if (markdown is not null)
        {
            var at = markdown.IndexOf(text[..Math.Min(text.Length, 24)], StringComparison.Ordinal);
            markdown = at >= 0 ? markdown[at..] : text;
        }
        return block with { Text = text, Markdown = markdown };
    }

    internal static TextBlock WithoutAgencyTail(TextBlock block)
    {
        var text = block.Text;
        int start = Math.Max(text.LastIndexOf('('), text.LastIndexOf('©'));
        // "(©NTB)": the bracket opens the credit.
        if (start > 0 && text[start] == '©' && text[start - 1] == '(')
            start--;
        if (start <= 0 || text.Length - start > MaxCreditTailChars || text[start] == '(' && !text.EndsWith(')'))
            return block;
        var story = text.AsSpan(0, start).TrimEnd();
        if (story.Length == 0 || story[^1] is not ('.' or '!' or '?' or '"' or '“' or '”' or '»' or '«') || CountWords(story) < MinAgencyTailStoryWords)
            return block;
        if (!IsAgencyCredit(text.AsSpan(start)))
            return block;
        var kept = story.ToString();
        var markdown = block.Markdown;
        if (markdown is not null)
        {
            int markdownStart = Math.Max(markdown.LastIndexOf('('), markdown.LastIndexOf('©'));
            if (markdownStart > 0 && markdown[markdownStart] == '©' && markdown[markdownStart - 1] == '(')
                markdownStart--;
            markdown = markdownStart > 0 ? markdown[..markdownStart].TrimEnd() : markdown;
        }
        return block with { Text = kept, Markdown = markdown };
    }

    /// <summary>Characters other than spaces: what a line's link characters are counted in.</summary>
    /// <summary>Longest label read before a colon set off by a space.</summary>
    private const int MaxSpacedLabelChars = 24;

    /// <summary>Most words of a keyword label ("parole chiave", "related topics").</summary>
    private const int MaxKeywordLabelWords = 3;

    /// <summary>
    /// A keyword label and its linked keywords on one line, the label's colon left to the style sheet: "Argomenti Roma
    /// Restauri", "Themen Verkehr Stadtrat". Every word after the label is a link.
    /// </summary>
    private static bool IsLabelledKeywordRow(TextBlock block, string lower)
    {
        if (block.LinkChars == 0)
            return false;
        int end = -1;
        for (int words = 0; words < MaxKeywordLabelWords; words++)
        {
            end = lower.IndexOf(' ', end + 1);
            if (end < 0)
                return false;
            if (KeywordLabels.Contains(lower[..end].TrimEnd(':')) && block.LinkChars >= CountNonSpace(lower.AsSpan(end)))
                return true;
        }
        return false;
    }

    internal static int CountNonSpace(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (var c in text)
            if (!char.IsWhiteSpace(c))
                count++;
        return count;
    }

    /// <summary>Words of an agency credit only: agencies' names (one at least) and their desk codes, with numbers and marks.</summary>
    private static bool IsAgencyCredit(ReadOnlySpan<char> credit)
    {
        bool agency = false;
        int wordStart = -1;
        for (int i = 0; i <= credit.Length; i++)
        {
            bool letter = i < credit.Length && char.IsLetter(credit[i]);
            if (letter && wordStart < 0)
                wordStart = i;
            if (letter || wordStart < 0)
                continue;
            var word = credit[wordStart..i];
            wordStart = -1;
            if (AgencyLookup.Contains(word))
                agency = true;
            else if (!IsDeskCode(word))
                return false;
        }
        return agency;
    }

    /// <summary>
    /// A paragraph that is an agency's credit alone, set under the story: "(dpa)", "dpa/lno", "dpa-infocom, dpa:240312-99-1/3".
    /// A mark or a number must go with the name, or the name be in capitals at the end ("AFP"): "Europa" or "Brasil" alone may
    /// head a part of the story.
    /// </summary>
    private static bool IsAgencyCreditLine(TextBlock block, bool last)
    {
        var text = block.Text.AsSpan().Trim();
        return block.Kind == BlockKind.Paragraph && text.Length <= MaxCreditTailChars
            && (text.IndexOfAny("()/:0123456789") >= 0 || last && !text.ContainsAnyInRange('a', 'z')) && IsAgencyCredit(text);
    }

    /// <summary>A desk or service code beside an agency's name ("lno" in "dpa/lno", "infocom"): a short lower-case word that is no picture label.</summary>
    private static bool IsDeskCode(ReadOnlySpan<char> word)
    {
        if (word.Length > 8)
            return false;
        foreach (var c in word)
            if (!char.IsLower(c))
                return false;
        return !word.StartsWith("foto") && !word.StartsWith("photo") && !word.StartsWith("bild") && !word.StartsWith("image") && !word.StartsWith("pic");
    }

    /// <summary>A line under a "Related" heading that links to another story: a list item, or a line mostly of links.</summary>
    private static bool IsTeaserLine(TextBlock block)
        => block.Kind == BlockKind.ListItem || block.LinkChars * 2 >= block.Text.Length;

    /// <summary>Longest comments title read: the post's title follows its start.</summary>
    private const int MaxCommentsTitleChars = 200;

    /// <summary>Labels of the list of sources or references a story ends with ("Quellen:", "Sources").</summary>
    private static readonly FrozenSet<string> SourceListLabels = FrozenSet.ToFrozenSet(
    [
        "sources", "source", "references", "quellen", "quellenangaben", "quellenverzeichnis", "literatur", "weblinks", "einzelnachweise",
        "bronnen", "bronvermelding", "fuentes", "referencias", "fonti", "fontes", "referências", "références", "źródła", "bibliografia",
        "источники", "kilder", "källor", "lähteet", "kaynaklar", "kaynakça", "zdroje", "források", "surse", "πηγές", "المصادر",
        "参考文献", "出典", "参考资料",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SourceListLabelLookup = SourceListLabels.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The block at <paramref name="index"/> labels a list of sources that ends the story: a few short lines (titles of
    /// reports, names of outlets, addresses) and nothing after them. The list is the writer's footnote, not the story.
    /// </summary>
    private static bool IsSourceListTail(List<TextBlock> blocks, int index)
    {
        var label = blocks[index].Text.AsSpan().Trim().TrimEnd(":：");
        if (label.Length == 0 || label.Length > MaxLabelChars || blocks.Count - index - 1 > MaxFurnitureSectionLines)
            return false;
        Span<char> lower = stackalloc char[label.Length];
        LowerCase(label, lower);
        if (!SourceListLabelLookup.Contains(lower))
            return false;
        for (int next = index + 1; next < blocks.Count; next++)
            if (blocks[next].Text.Length > MaxFurnitureChars * 2 || blocks[next].Kind == BlockKind.Heading)
                return false;
        return true;
    }

    /// <summary>"About the author", "3 Kommentare", "Opinie czytelników (14)", "Leave a Reply:", "12 thoughts on “…”".</summary>
    /// <summary>Labels over the author's card after a post: "Written by Jane Roe", then followers, a bio, a follow button.</summary>
    private static readonly string[] AuthorCardLabels =
        ["written by", "geschrieben von", "escrito por", "écrit par", "scritto da", "ditulis oleh", "napisane przez", "geschreven door", "yazan"];

    /// <summary>Most words of the name after an author card's label.</summary>
    private const int MaxAuthorCardNameWords = 4;

    /// <summary>A heading "Written by" with a name at most: the card about the author, not a part of the story.</summary>
    private static bool IsAuthorCardHeading(string text)
    {
        var lower = LowerCase(text.Trim());
        foreach (var label in AuthorCardLabels)
            if (lower.StartsWith(label, StringComparison.Ordinal) && (lower.Length == label.Length || lower[label.Length] is ' ' or ':'))
            {
                var name = lower.AsSpan(label.Length).Trim(": ");
                return name.Length == 0 || CountWords(name) <= MaxAuthorCardNameWords && !IsSentenceMark(name[^1]);
            }
        return false;
    }

    internal static bool IsFurnitureSectionHeading(string text)
    {
        var trimmed = text.AsSpan().Trim();
        // "Qui suis-je ?", "Wer bin ich?": the question mark of an about-me box's heading.
        var heading = trimmed.TrimStart("0123456789 ").TrimEnd(":?？ \u00a0");
        if (heading.Length == 0 || heading.Length > MaxCommentsTitleChars)
            return false;
        bool counted = heading.Length < trimmed.Length && char.IsAsciiDigit(trimmed[0]);
        Span<char> lower = stackalloc char[heading.Length];
        LowerCase(heading, lower);
        foreach (var word in CommentCountWords)
            if (!counted && lower.StartsWith(word, StringComparison.Ordinal))
            {
                lower = lower[word.Length..];
                counted = true;
                break;
            }
        // Only after a count: "Comments on the budget" may title a part of the story.
        foreach (var start in CommentsTitleStarts)
            if (counted && lower.StartsWith(start, StringComparison.Ordinal) && lower.Length > start.Length)
                return true;
        if (heading.Length > MaxLabelChars * 2)
            return false;
        // A count after the name: "Kommentare (3)", "Reviews 12".
        ReadOnlySpan<char> name = lower;
        name = name.TrimEnd("0123456789() ");
        // "Reaktionen" alone heads a part of the story (the parties' reactions, a live blog's entry); counted, the readers' comments.
        return FurnitureSectionHeadingLookup.Contains(name) || name is "reaktionen" && (counted || name.Length < lower.Length);
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FurnitureSectionHeadingLookup =
        FurnitureSectionHeadings.GetAlternateLookup<ReadOnlySpan<char>>();

    private static TextBlock WithoutShortcodes(TextBlock block, out bool opensRelatedBox)
    {
        var text = Shortcodes.Strip(block.Text, out opensRelatedBox);
        if (ReferenceEquals(text, block.Text))
            return block;
        return block with { Text = text, Markdown = block.Markdown is null ? null : Shortcodes.Strip(block.Markdown, out _) };
    }

    private const string ShopButtonRule = "shop button", FurniturePrefixRule = "furniture prefix", HeadlineRule = "the headline again";

    /// <summary>Most words of a kicker: a topic's name.</summary>
    private const int MaxKickerWords = 3;

    /// <summary>A topic's name over the headline: a few words, not a sentence.</summary>
    internal static bool IsKicker(TextBlock block)
    {
        var text = block.Text.AsSpan().Trim();
        return block.Kind is BlockKind.Paragraph or BlockKind.Heading && text.Length is > 0 and <= MaxRelatedHeadingChars
            && CountWords(text) <= MaxKickerWords && !IsSentenceMark(text[^1]);
    }

    /// <summary>
    /// A short line set over the headline: its kicker, or a release's number and dateline ("PM 12/2024 Berlin, 14.03.2024").
    /// Not a sentence, and with a digit when longer than a kicker.
    /// </summary>
    internal static bool IsAboveHeadline(TextBlock block)
    {
        if (IsKicker(block))
            return true;
        var text = block.Text.AsSpan().Trim();
        return block.Kind is BlockKind.Paragraph && text.Length is > 0 and <= MaxRelatedHeadingChars && !IsSentenceMark(text[^1])
            && text.IndexOfAnyInRange('0', '9') >= 0;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FurnitureLineLookup =
        FurnitureLines.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A page control's words (<see cref="FurnitureLines"/>) within the marks drawn around them.</summary>
    private static bool IsControlWords(ReadOnlySpan<char> lower)
        => FurnitureLineLookup.Contains(lower.TrimStart(ControlMarksBefore).TrimEnd(ControlMarksAfter));

    private const string ControlMarksBefore = "«‹<←↑[ ";
    private const string ControlMarksAfter = ":.!›»>→] ";

    /// <summary>
    /// A row of page controls set apart by bars or dots, each one a control's words: "« zurück | nach oben | Seite drucken",
    /// "طباعة | عودة" (an old site's links under the story).
    /// </summary>
    private static bool IsControlRow(string lower)
    {
        if (lower.AsSpan().IndexOfAny('|', '·', '•') < 0)
            return false;
        int parts = 0;
        foreach (var range in lower.AsSpan().SplitAny('|', '·', '•'))
        {
            var part = lower.AsSpan(range).Trim();
            if (part.Length == 0)
                continue;
            if (!IsControlWords(part))
                return false;
            parts++;
        }
        return parts >= 2;
    }

    /// <summary>
    /// The rule that makes the line furniture, named for explanations; null for a line of the story. <paramref name="nearEnd"/>:
    /// the line is one of the last two, where a note about the author may name them by first name. <paramref name="first"/>:
    /// no line is kept before it, where a blog sets the post's date as a heading over its title.
    /// </summary>
    private static string? FurnitureRule(TextBlock block, string? title, IReadOnlyList<string> authors, string? pageHost, bool nearEnd, bool first)
    {
        var text = block.Text;
        if (nearEnd && IsLicenceNotice(text))
            return "licence notice";
        if (nearEnd && IsCopyrightNotice(text))
            return "copyright notice";
        if (nearEnd && PoweredBy().IsMatch(text))
            return "powered by";
        if (IsReaderSoftwareNotice(block, nearEnd))
            return "reader software notice";
        if (text.Length > MaxFurnitureChars * 2)
            return null;
        if (title is not null && (block.Kind is BlockKind.Heading or BlockKind.Paragraph) && Normalize(text) is { } line
            && (line == title || (block.Kind is BlockKind.Heading && IsTitleUnderKicker(line, title))))
            return HeadlineRule;
        var lower = LowerCase(text);
        if (IsReplySubject(block, lower))
            return "reply subject";
        if (IsPrompt(lower))
            return "prompt";
        if (IsMarkup(text))
            return "markup";
        if (IsCreditLine(lower))
            return "credit";
        if (IsFollowPrompt(lower))
            return "follow prompt";
        if (IsNewsletterPrompt(lower))
            return "newsletter prompt";
        if (IsContactPrompt(text, lower))
            return "contact prompt";
        if (block.Kind == BlockKind.Paragraph && IsCaptionCredit(lower))
            return "caption";
        if (IsAuthorBio(text, authors, nearEnd))
            return "author bio";
        if (IsPostMetaLine(lower, block.Kind) || IsCommentCount(lower))
            return "post meta";
        if (text.Length > MaxFurnitureChars)
            return null;

        if (IsRatingStars(text))
            return "rating";
        if (IsAgencyCreditLine(block, nearEnd))
            return "agency credit";
        if (IsInlineContact(text))
            return "contact";
        if (IsHashtagRow(text))
            return "hashtags";
        if (nearEnd && (EditorInitials().IsMatch(text) || IsBracketedCredit(text)))
            return "editor initials";
        if (IsPrintedUrl(block, pageHost))
            return "printed address";
        if (ShopButton().IsMatch(text) || block.Kind == BlockKind.Paragraph && (PriceAlone().IsMatch(text) || IsPriceWithShopButton(text)))
            return ShopButtonRule;
        // Marks drawn around a control's words: "« zurück zur Übersicht", "Back to list →".
        if (IsControlWords(lower) || IsControlRow(lower))
            return "furniture line";
        // A label set between dashes, as themes print an ad slot's: "- Advertisement -", "— Publicitate —".
        if (lower.Length > 2 && lower[0] is '-' or '–' or '—' && FurnitureLines.Contains(lower.Trim(' ', '-', '–', '—')))
            return "furniture line";
        // A label behind an arrow that points to its link: "▶ 관련기사 : …", "► Lesen Sie auch: …".
        var unmarked = lower.TrimStart(LabelArrows);
        foreach (var prefix in FurniturePrefixes)
            if (unmarked.StartsWith(prefix, StringComparison.Ordinal))
                return FurniturePrefixRule;
        // A label set off by a space before its colon, as French and Arabic type it: "المصدر : الجزيرة", "Quelle : dpa".
        if (unmarked.IndexOf(" :", StringComparison.Ordinal) is > 0 and var spaced && spaced <= MaxSpacedLabelChars)
        {
            var unspaced = string.Concat(unmarked.AsSpan(0, spaced), unmarked.AsSpan(spaced + 1));
            foreach (var prefix in FurniturePrefixes)
                if (prefix[^1] == ':' && unspaced.StartsWith(prefix, StringComparison.Ordinal))
                    return FurniturePrefixRule;
        }
        if (IsLabelledKeywordRow(block, lower))
            return "keywords";
        if (IsVideoPrompt(lower))
            return "video prompt";
        // The label without its colon before a link that makes the rest of the line, as styles set it apart: "Læs også
        // Nyt busnet i kommunen".
        if (block.LinkChars * 2 >= text.Length)
            foreach (var prefix in FurniturePrefixes)
                if (prefix.Length > 2 && prefix[^1] == ':' && lower.Length > prefix.Length
                    && lower.AsSpan().StartsWith(prefix.AsSpan(0, prefix.Length - 1), StringComparison.Ordinal) && lower[prefix.Length - 1] == ' '
                    && block.LinkChars >= CountNonSpace(lower.AsSpan(prefix.Length)))
                    return FurniturePrefixRule;
        if (IsByline(text, lower, authors))
            return "byline";
        if (IsCounter(lower) || IsFollowerCount(lower) || IsLabelledViewCount(lower))
            return "counter";
        if (IsReactionCount(lower))
            return "counter";
        if (MemberStat().IsMatch(text) || IsMemberJoined(text, lower))
            return "member statistics";
        // A number alone ("3.409" views, "12" comments) is a counter; rules such as "___" are the writer's own. A clock
        // time alone ("15:12") titles a live blog's entry, as its heading does: both are the story's.
        if (block.Kind == BlockKind.Paragraph && IsNumberOnly(text) && !IsClockTime(text.AsSpan().Trim()))
            return "number alone";
        if (block.Kind is BlockKind.Paragraph or BlockKind.Heading && IsLabelledClockTime(lower))
            return "dateline";
        // Only prose lines: a table row or list item of numbers is data, not a dateline; a date heading further down may
        // title a day of a live blog.
        if (block.Kind == BlockKind.ListItem && IsLabelledDateItem(text, lower))
            return "dateline";
        if (block.Kind != BlockKind.Paragraph && !(first && block.Kind == BlockKind.Heading))
            return null;
        if (first && IsNamedDateline(text))
            return "dateline";
        return text.Length <= MaxDatelineChars && (IsDateline(lower) || IsParsedDateline(text) || RelativeAge().IsMatch(lower))
            || IsMetaLineWithDate(text) ? "dateline" : null;
    }

    /// <summary>
    /// A post's age printed in place of its date ("vor 2 Jahren", "3 hours ago", "il y a 5 jours", "hace un mes"), perhaps after
    /// the word saying what the age is of ("Atualizado há 3 semanas", "Updated 2 days ago"): a line holding nothing else is the
    /// post's dateline.
    /// </summary>
    [GeneratedRegex(@"^\s*(?:(?:updated|published|posted|aktualisiert|veröffentlicht|atualizado|publicado|actualizado|mis à jour|publié|aggiornato|pubblicato|bijgewerkt"
        + @"|asked|answered|gefragt|beantwortet|demandé|répondu|preguntado|respondido|perguntado|chiesto|risposto|gevraagd|beantwoord)\s+)?(?:(?:vor|hace|il y a|há)\s+(?:\d{1,3}|einer?|einem|un|una|une)\s+"
        + @"(?:sekunden|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?|segundos?|minutos?|horas?|días?|dias?|semanas?|mes(?:es)?|años?|anos?|secondes?|heures?|jours?|mois|ans?)"
        + @"|(?:\d{1,3}|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|minuti|ore|giorni|settimane|mesi|anni|uur|dagen|weken|maanden|jaar)"
        + @"\s+(?:ago|fa|geleden))"
        // A question's or answer's writer after its age: "asked 2 years ago by julie", "demandé il y a 2 ans par julie_mtl".
        + @"(?:\s+(?:by|von|par|por|da|door)\s+\S+(?:\s+\S+)?)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeAge();

    /// <summary>Longest opening line read as a name or place before a date.</summary>
    private const int MaxNamedDatelineChars = 60;

    /// <summary>
    /// The story's opening line that is one to three capitalised words, a comma or a spaced dash or bar, and only a date: the
    /// writer's name ("Petr Novák, 5. 4. 2019"), the place ("New York, 12 March 2024") or the outlet ("Kompas - 04/03/2025,
    /// 08:15 WIB"). Either way the post's meta, not its text.
    /// </summary>
    private static bool IsNamedDateline(string text)
    {
        if (text.Length > MaxNamedDatelineChars || NameOrPlaceBeforeDate().Match(text) is not { Success: true } match)
            return false;
        return IsDateOnly(match.Groups["date"].Value);
    }

    [GeneratedRegex(@"^\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,2}(?:\s*,|\s+[-–—|·•])\s*(?<date>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NameOrPlaceBeforeDate();

    /// <summary>Longest list item read as a labelled date: a label and the date.</summary>
    private const int MaxLabelledDateItemChars = 40;

    /// <summary>
    /// "등록일 2024-03-14", "Published: 12.03.2024": a post's date in its info list. A list item opening with a date is the
    /// story's (a schedule); one opening with a label word is the post's meta.
    /// </summary>
    private static bool IsLabelledDateItem(string text, string lower)
    {
        if (text.Length is 0 or > MaxLabelledDateItemChars || !char.IsLetter(text[0]) || !IsDateline(lower)
            || CalendarWordLookup.Contains(FirstWord(lower)))
            return false;
        // A label: set off by a colon, or an East Asian field name ("등록일", "作成日"); "on 2015-04-02." is a fragment of a reference.
        int firstDigit = text.AsSpan().IndexOfAnyInRange('0', '9');
        return text.AsSpan(0, firstDigit < 0 ? text.Length : firstDigit).IndexOfAny(':', '：') >= 0 || text[0] >= '\u3040';
    }

    private static ReadOnlySpan<char> FirstWord(string lower)
    {
        int end = 0;
        while (end < lower.Length && char.IsLetter(lower[end]))
            end++;
        return lower.AsSpan(0, end);
    }

    /// <summary>Longest line read as a labelled clock time: "Updated at 1:23 p.m.", "Stand 15:12 Uhr".</summary>
    private const int MaxClockLineChars = 32;

    /// <summary>Words that belong to a clock time itself: zones, a.m. and p.m., "Uhr".</summary>
    private static readonly FrozenSet<string> ClockWords = FrozenSet.ToFrozenSet(
    [
        "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "ct", "pt", "cet", "cest",
        "bst", "ist", "msk", "jst", "aest", "hkt", "sgt", "wib", "am", "pm", "a.m", "p.m", "h", "uhr",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClockWordLookup = ClockWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A clock time ("1:23", "10h30") under a dateline's label and no date: "Updated at 1:23 p.m.", "Stand: 15:12 Uhr". The
    /// time alone ("4:14 p.m.") stays: live blogs title their entries with it.
    /// </summary>
    private static bool IsLabelledClockTime(string lower)
    {
        if (lower.Length > MaxClockLineChars)
            return false;
        bool clock = false, label = false;
        foreach (var range in lower.AsSpan().SplitAny(" ,;|-–—·•/()[]\u00a0"))
        {
            var word = lower.AsSpan(range).Trim(".:");
            if (word.Length == 0)
                continue;
            if (IsClockTime(word))
                clock = true;
            else if (!DatelineWordLookup.Contains(word))
                return false;
            else if (!ClockWordLookup.Contains(word))
                label = true;
        }
        return clock && label;
    }

    /// <summary>Hours and minutes: "9:00", "15.12" or "10h30", with a first number of one or two digits.</summary>
    private static bool IsClockTime(ReadOnlySpan<char> word)
    {
        int separator = word.IndexOfAny(':', '.', 'h');
        return separator is 1 or 2 && word.Length == separator + 3 && char.IsAsciiDigit(word[0]) && char.IsAsciiDigit(word[separator - 1])
            && char.IsAsciiDigit(word[separator + 1]) && char.IsAsciiDigit(word[separator + 2]);
    }

    /// <summary>Starts of a line that points the reader to a video player set under it.</summary>
    private static readonly string[] VideoPromptStarts =
    [
        "simak video", "saksikan video", "tonton video", "lihat video", "watch the video", "watch video", "watch:", "sehen sie im video",
        "sehen sie das video", "schauen sie das video", "video ansehen", "regardez la vidéo", "voir la vidéo", "mira el video", "mira el vídeo",
        "ver vídeo", "ver video", "guarda il video", "assista ao vídeo", "assista o vídeo", "veja o vídeo", "bekijk de video", "kijk de video",
        "obejrzyj wideo", "zobacz wideo", "podívejte se na video", "смотрите видео", "videoyu izleyin", "videoyu izle",
        "se videon", "se videoen", "katso video",
    ];

    /// <summary>Longest video prompt: a pointer and the video's title.</summary>
    private const int MaxVideoPromptChars = 160;

    /// <summary>
    /// A line pointing to the video set under it and ending in a colon, as the player follows ("Simak Video \"Petani Cabai
    /// Panen Raya\":", "Sehen Sie im Video:"): the player's label, not a sentence of the story.
    /// </summary>
    private static bool IsVideoPrompt(string lower)
    {
        var trimmed = lower.AsSpan().TrimEnd();
        if (trimmed.Length is 0 or > MaxVideoPromptChars || trimmed[^1] is not (':' or '：'))
            return false;
        foreach (var start in VideoPromptStarts)
            if (trimmed.StartsWith(start, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>Only a date (and time), with dateline words at most: "12.03.2024", "Montag, 4. März 2024".</summary>
    internal static bool IsDateOnly(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length is > 0 and <= MaxDatelineChars && (IsDateline(LowerCase(trimmed)) || IsParsedDateline(trimmed));
    }

    /// <summary>
    /// A dateline in any language the date parser reads ("3 maja 2022, 10:30", "November 20, 2019 - 11:28 AMT"):
    /// with its dates, times, zones and date labels taken out, only dateline words and punctuation are left.
    /// </summary>
    private static bool IsParsedDateline(string text)
    {
        if (!Metadata.DateParser.ContainsDate(text))
            return false;
        var rest = Metadata.DateLabels.RemoveLabels(Metadata.DateParser.RemoveDates(text)).ToLowerInvariant();
        foreach (var range in rest.AsSpan().SplitAny(" ,.;:|-–—·•/()[]\u00a0"))
        {
            var word = rest.AsSpan(range);
            // "Geplaatst op 3 november 2023 door Sanne": a short byline after the date.
            if (word is "by" or "von" or "par" or "por" or "door" or "av" or "af" or "przez" or "di" or "oleh")
                return CountWords(rest.AsSpan(range.End.GetOffset(rest.Length))) <= MaxDatelineBylineWords;
            if (range.End.GetOffset(rest.Length) is var end && end < rest.Length && rest[end] == ':' && SourceLabelLookup.Contains(word))
                return CountWords(rest.AsSpan(end + 1)) <= MaxDatelineBylineWords;
            if (word.Length > 0 && !DatelineWordLookup.Contains(word) && !CalendarWordLookup.Contains(word))
                return false;
        }
        return true;
    }

    /// <summary>Labels of the source a dateline may name after the date ("Quelle: dpa"), lower-case without the colon.</summary>
    private static readonly FrozenSet<string> SourceLabels = FrozenSet.ToFrozenSet(
    [
        "source", "sources", "quelle", "fuente", "fonte", "bron", "kilde", "källa", "lähde", "źródło", "zdroj", "kaynak",
        "источник", "джерело", "sursa", "forrás", "font", "πηγή", "nguồn", "sumber", "المصدر", "מקור",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SourceLabelLookup = SourceLabels.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DatelineWordLookup = DatelineWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CalendarWordLookup = CalendarWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The phrases and labels searched for all at once: a search per phrase was a fiftieth of an extraction.</summary>
    private static readonly SearchValues<string> PromptPhraseSearch = SearchValues.Create(PromptPhrases, StringComparison.Ordinal),
        PostMetaLabelSearch = SearchValues.Create(PostMetaLabels, StringComparison.Ordinal);

    private static bool IsPrompt(string lower)
    {
        if (lower.AsSpan().ContainsAny(PromptPhraseSearch))
            return true;
        if (!lower.AsSpan().ContainsAny(PostMetaLabelSearch))
            return false;
        foreach (var label in PostMetaLabels)
        {
            int at = lower.IndexOf(label, StringComparison.Ordinal);
            if (at == 0 || at > 1 && lower[at - 1] == ' ' && lower[at - 2] is '-' or '|' or '·' or '/' or '•')
                return true;
        }
        return false;
    }

    /// <summary>Embed code shown as text ("&lt;blockquote class="twitter-tweet"&gt;", "&lt;iframe src=...&gt;"): never story text.</summary>
    private static bool IsMarkup(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (IsTemplatePlaceholder(trimmed.TrimEnd()))
            return true;
        if (trimmed.Length < 3 || trimmed[0] != '<')
            return false;
        int name = trimmed[1] == '/' ? 2 : 1;
        int end = name;
        while (end < trimmed.Length && char.IsAsciiLetterLower(trimmed[end]))
            end++;
        if (end == name || end < trimmed.Length && trimmed[end] is not (' ' or '>' or '/'))
            return false;
        return trimmed.Contains("=\"", StringComparison.Ordinal) || trimmed.Contains("='", StringComparison.Ordinal)
            || trimmed.Contains("</", StringComparison.Ordinal);
    }

    /// <summary>Longest template placeholder looked for.</summary>
    private const int MaxPlaceholderChars = 64;

    /// <summary>
    /// A slot a template left unfilled: one word between doubled delimiters ("$$ARTICLEAD$$", "{{ad_slot}}", "%%PAGE%%",
    /// "[[AD]]"), where an ad or a widget was to be put in.
    /// </summary>
    private static bool IsTemplatePlaceholder(ReadOnlySpan<char> text)
    {
        if (text.Length < 5 || text.Length > MaxPlaceholderChars)
            return false;
        char open = text[0];
        char close = open switch { '{' => '}', '[' => ']', '$' or '%' or '#' or '_' => open, _ => '\0' };
        if (close == '\0' || text[1] != open || text[^1] != close || text[^2] != close)
            return false;
        var name = text[2..^2].Trim(' ');
        // A Handlebars or Mustache partial, section or comment: "{{> share_buttons}}", "{{#if gallery}}", "{{/if}}".
        if (open == '{' && name.Length > 1 && name[0] is '>' or '#' or '/' or '^' or '!' or '&')
            name = name[1..].TrimStart(' ');
        foreach (var c in name)
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ':'))
                return false;
        return name.Length > 0;
    }

    private static bool IsByline(string text, string lower, IReadOnlyList<string> authors)
    {
        if (IsKoreanReporterCredit(text))
            return true;
        foreach (var author in authors)
        {
            if (author.Length > 0 && text.Length <= author.Length + MaxBylineExtraChars
                && text.Contains(author, StringComparison.OrdinalIgnoreCase))
                return true;
            if (author.Length > 0 && text.Length <= MaxDatedBylineChars && IsBylineWithDates(text, author))
                return true;
        }
        foreach (var start in BylineStarts)
        {
            if (!lower.StartsWith(start, StringComparison.Ordinal) || text.Length <= start.Length)
                continue;
            // "By Jane Doe": a capitalized name follows and the line does not read as a sentence.
            int nameStart = start.Length;
            while (nameStart < text.Length - 1 && text[nameStart] == ' ')
                nameStart++;
            char next = text[nameStart];
            return char.IsUpper(next) && !text.EndsWith('.') && CountWords(text) <= 8;
        }
        return false;
    }

    /// <summary>Longest line read as the author's name among the post's dates.</summary>
    private const int MaxDatedBylineChars = 160;

    /// <summary>
    /// The author's name among labelled dates, longer than a plain byline: "Muhabir: Mehmet Yılmaz Yayınlanma: 17.03.2021
    /// 14:22 Güncelleme: 17.03.2021 16:05". Without the name, the dates and their labels, a few words at most are left.
    /// </summary>
    private static bool IsBylineWithDates(string text, string author)
    {
        int at = text.IndexOf(author, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return false;
        var rest = string.Concat(text.AsSpan(0, at), " ", text.AsSpan(at + author.Length));
        if (!Metadata.DateParser.ContainsDate(rest))
            return false;
        return CountWords(Metadata.DateLabels.RemoveLabels(Metadata.DateParser.RemoveDates(rest))) <= MaxDatelineBylineWords;
    }

    /// <summary>Most words of a Korean reporter's credit: the agency's dateline, the name, the title.</summary>
    private const int MaxReporterCreditWords = 4;

    /// <summary>
    /// A Korean story's credit line: the reporter's name and title ("기자" reporter, "특파원" correspondent), perhaps after
    /// the agency's dateline and before an e-mail address ("(서울=뉴스1) 홍길동 기자", "홍길동 기자 hong@example.co.kr").
    /// </summary>
    private static bool IsKoreanReporterCredit(string text)
    {
        var credit = text.AsSpan().Trim();
        int lastSpace = credit.LastIndexOf(' ');
        if (lastSpace > 0 && credit[(lastSpace + 1)..].Contains('@'))
            credit = credit[..lastSpace].TrimEnd();
        return credit.Length <= MaxBylineExtraChars && (credit.EndsWith("기자") || credit.EndsWith("특파원"))
            && CountWords(credit) <= MaxReporterCreditWords;
    }

    /// <summary>A row of hashtags ("#bridge #river", "#하천#복원"): every word starts with '#', and there are two at least.</summary>
    private static bool IsHashtagRow(string text)
    {
        int hashes = 0;
        bool wordStart = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                wordStart = true;
                continue;
            }
            if (wordStart && c != '#')
                return false;
            wordStart = false;
            if (c == '#')
                hashes++;
        }
        return hashes >= 2;
    }

    /// <summary>Longest bracketed desk credit: a desk and a name.</summary>
    private const int MaxBracketedCreditChars = 30;

    /// <summary>
    /// "（地域報道部・山田太郎）", "（记者 王丽）": the desk and reporter in full-width brackets closing a story; not a bracketed
    /// sentence ("（1月14日就任。藤田健二社長は取締役に）", a note the story ends with), which a full stop tells.
    /// </summary>
    private static bool IsBracketedCredit(string text)
    {
        var line = text.AsSpan().Trim();
        return line.Length is > 2 and <= MaxBracketedCreditChars && line[0] == '（' && line[^1] == '）'
            && line[1..^1].IndexOfAny('（', '）', '。') < 0;
    }

    /// <summary>The desk's initials closing a story, in brackets or bare ("(bas/imk)", "(nvc/fyk)", "bur/ck", "mlm-jz/cb", "jk/ mhr/").</summary>
    [GeneratedRegex(@"^(?:\(\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})+\s*\)|[a-z]{2,5}(?:-[a-z]{2,5})*(?:/ ?[a-z]{2,5}(?:-[a-z]{2,5})*)+/?)$", RegexOptions.CultureInvariant)]
    private static partial Regex EditorInitials();

    /// <summary>Stars a rating widget draws, filled, empty or half.</summary>
    private static readonly SearchValues<char> RatingStars = SearchValues.Create("★☆✩✪✫✬✭✮✯⭐");

    /// <summary>A line of rating stars, perhaps with the score beside them ("★★★★☆ 4,2"): a widget, never prose.</summary>
    private static bool IsRatingStars(string text)
    {
        int stars = 0;
        foreach (var c in text)
        {
            if (RatingStars.Contains(c))
                stars++;
            else if (!(char.IsWhiteSpace(c) || char.IsDigit(c) || c is '.' or ',' or '/' or '(' or ')'))
                return false;
        }
        return stars >= MinRatingStars;
    }

    private const int MinRatingStars = 3;

    /// <summary>Characters at a paragraph's start looked at for a licence statement.</summary>
    private const int LicenceStatementChars = 200;

    /// <summary>
    /// A notice, at the end of a post, that it is published under a Creative Commons licence ("This work is licensed under
    /// a Creative Commons Attribution 4.0 License. You are free to share…"): however long, it is the licence, not the post.
    /// </summary>
    private static bool IsLicenceNotice(string text)
    {
        var opening = LowerCase(text.Length > LicenceStatementChars ? text[..LicenceStatementChars] : text);
        return (opening.Contains("creative commons", StringComparison.Ordinal) || opening.Contains("cc by", StringComparison.Ordinal)
                || opening.Contains("cc-by", StringComparison.Ordinal))
            && (opening.Contains("licen", StringComparison.Ordinal) || opening.Contains("lizenz", StringComparison.Ordinal)
                || opening.Contains("lisens", StringComparison.Ordinal) || opening.Contains("许可", StringComparison.Ordinal)
                || opening.Contains("授權", StringComparison.Ordinal) || opening.Contains("ライセンス", StringComparison.Ordinal)
                || opening.Contains("라이선스", StringComparison.Ordinal));
    }

    /// <summary>Longest line read as a note on the software that opens the page's documents.</summary>
    private const int MaxReaderNoticeChars = 240;

    /// <summary>
    /// Words saying the reader is needed or to be downloaded, lower-case: what the note on a page's documents says and a
    /// story about the software rarely does in one short line.
    /// </summary>
    private static readonly string[] ReaderNeededWords =
    [
        "need", "require", "download", "benötig", "brauch", "herunterlad", "nécessaire", "besoin", "télécharg", "necesit",
        "descarg", "necessari", "scaric", "nodig", "downloaden", "potrzeb", "pobierz", "必要", "ダウンロード", "需要", "下载", "下載",
        "필요", "다운로드", "необходим", "нужн", "скача", "gerek", "indir", "diperlukan", "unduh",
    ];

    /// <summary>
    /// The note a public site sets under a page with documents, naming the reader its PDF files need: "PDFファイルをご覧いただくには、
    /// Adobe Acrobat Readerが必要です。…ダウンロードしてください。", "Zum Öffnen der PDF-Dateien benötigen Sie den Adobe Reader.";
    /// at the end, a link alone will do ("Get Adobe Reader").
    /// </summary>
    private static bool IsReaderSoftwareNotice(TextBlock block, bool nearEnd)
    {
        var text = block.Text;
        if (text.Length > MaxReaderNoticeChars || text.IndexOf("adobe", StringComparison.OrdinalIgnoreCase) < 0
            || !text.Contains("reader", StringComparison.OrdinalIgnoreCase) && !text.Contains("acrobat", StringComparison.OrdinalIgnoreCase))
            return false;
        bool pdf = text.Contains("pdf", StringComparison.OrdinalIgnoreCase);
        if (nearEnd && (pdf || block.LinkChars > 0))
            return true;
        if (!pdf)
            return false;
        var lower = LowerCase(text);
        foreach (var word in ReaderNeededWords)
            if (lower.Contains(word, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>Longest closing line read as a copyright notice: the owner and a sentence or two of rights reserved.</summary>
    private const int MaxCopyrightNoticeChars = 400;

    /// <summary>
    /// "© EFE 2024. Está expresamente prohibida la redistribución…", "Copyright 2024 Example Media. All rights reserved.
    /// This material may not be…": a rights notice closing the story, longer than the furniture lines matched by prefix.
    /// </summary>
    private static bool IsCopyrightNotice(string text)
    {
        if (text.Length > MaxCopyrightNoticeChars)
            return false;
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("©") || start.StartsWith("(c) ", StringComparison.OrdinalIgnoreCase))
            return true;
        // "Copyright 2024 …", "Copyright © …"; "Copyright law changed…" is the story's.
        if (!start.StartsWith("copyright ", StringComparison.OrdinalIgnoreCase))
            return false;
        var owner = start["copyright ".Length..].TrimStart();
        return owner.Length > 0 && (char.IsAsciiDigit(owner[0]) || owner[0] == '©' || owner.StartsWith("(c)", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Prefixes of a reply's subject line in forums and mail: "Re:", "AW:" (German), "Odp:" (Polish), "Ynt:" (Turkish).</summary>
    private static readonly string[] ReplyPrefixes = ["re:", "aw:", "odp:", "ynt:", "sv:", "antw:", "rif:", "res:"];

    /// <summary>A forum post's subject heading, "Re: (the thread's title)", repeated over every reply.</summary>
    private static bool IsReplySubject(TextBlock block, string lower)
    {
        if (block.Kind != BlockKind.Heading)
            return false;
        foreach (var prefix in ReplyPrefixes)
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>
    /// Only a date, a time and dateline words: "19:52 GMT 27.09.2021", "Updated March 3, 2020 at 5:00 pm".
    /// A time alone ("10 p.m.") is kept: live stories use it as a heading.
    /// </summary>
    private static bool IsDateline(string lower)
    {
        bool hasDate = false;
        int letterStart = -1, digitStart = -1, numberGroups = 0;
        for (int i = 0; i <= lower.Length; i++)
        {
            char c = i < lower.Length ? lower[i] : ' ';
            if (char.IsLetter(c) || c == '.' && letterStart >= 0 && i + 1 < lower.Length && char.IsLetter(lower[i + 1]))
            {
                if (letterStart < 0)
                    letterStart = i;
            }
            else if (letterStart >= 0)
            {
                var word = lower[letterStart..i];
                // "Posted on March 30, 2015 by Admin": a date followed by a short byline.
                if (hasDate && word is "by" or "von" or "par" or "por" or "oleh" or "di")
                    return CountWords(lower.AsSpan(i)) <= MaxDatelineBylineWords;
                // "12.03.2024, 14:05 Uhr Quelle: dpa": the agency after a source label.
                if (hasDate && c == ':' && SourceLabelLookup.Contains(word))
                    return CountWords(lower.AsSpan(i + 1)) <= MaxDatelineBylineWords;
                if (CalendarWords.Contains(word))
                    hasDate = true;
                else if (!DatelineWords.Contains(word))
                    return false;
                letterStart = -1;
            }

            if (char.IsDigit(c))
            {
                if (digitStart < 0)
                    digitStart = i;
            }
            else if (digitStart >= 0)
            {
                // A four-digit year, or a third number group (27.09.2021, 2021-09-27), makes it a date.
                numberGroups++;
                if (i - digitStart == 4 || numberGroups >= 3 && c != ':')
                    hasDate = true;
                digitStart = -1;
            }
        }
        return hasDate;
    }

    /// <summary>
    /// An address alone on a line that is the page's own or is not even a link: printed for readers of
    /// the paper copy. Other linked addresses stay: lists of sources or products are written that way.
    /// </summary>
    private static bool IsPrintedUrl(TextBlock block, string? pageHost)
    {
        var text = block.Text;
        if (text.Contains(' '))
            return false;
        // "paul.doe@example.com" or "twitter.com/pauldoe" alone: a contact line under the story.
        if (IsBareAddress(text))
            return true;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return false;
        // Not a link: nobody can follow it on screen, so it is there for print.
        return block.LinkChars == 0 || pageHost is not null && HostsMatch(uri.Host, pageHost);
    }

    private static bool IsBareAddress(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal))
            return false;
        int at = text.IndexOf('@');
        if (at > 0 && text.IndexOf('.', at) > at + 1)
            return true;
        int slash = text.IndexOf('/');
        int dot = text.IndexOf('.');
        return dot > 0 && slash > dot + 2 && !char.IsDigit(text[0]);
    }

    /// <summary>The same host, a leading "www." aside on either.</summary>
    internal static bool HostsMatch(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        => WithoutWww(a).Equals(WithoutWww(b), StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> WithoutWww(ReadOnlySpan<char> host)
        => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    private static string? HostOf(string? url)
        => url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null;

    /// <summary>
    /// "Keith Bradsher contributed reporting from Hong Kong.", "AP writers ... contributed to this report.",
    /// "Reporting by Ann Lee; additional reporting by ...; Editing by Tom Brown", "With files from The Associated Press".
    /// </summary>
    private static bool IsCreditLine(string lower)
    {
        if (lower.Length > MaxFurnitureChars * 2)
            return false;
        foreach (var start in CreditStarts)
            if (lower.StartsWith(start, StringComparison.Ordinal))
                return true;
        return lower.Contains("contributed reporting", StringComparison.Ordinal)
           || lower.Contains("contributed to this report", StringComparison.Ordinal)
           || lower.Contains("contributed to this story", StringComparison.Ordinal);
    }

    /// <summary>Starts of the agency and desk credits under a story; such a line may run long with its list of names.</summary>
    private static readonly string[] CreditStarts =
    [
        "reporting by", "(reporting by", "additional reporting by", "editing by", "writing by", "with files from",
        "mit material von", "mit material der", "mit informationen von", "mit informationen der", "avec afp", "con información de",
        "sendung:", "dieses thema im programm", "über dieses thema berichtete",
    ];

    /// <summary>"Follow us on Twitter", "Follow The Times on Facebook and Instagram", "Follow Example on Google News".</summary>
    private static bool IsFollowPrompt(string lower)
    {
        if (lower.Length > MaxFurnitureChars * 2)
            return false;
        bool follow = false;
        foreach (var start in (ReadOnlySpan<string>)["follow ", "folgen sie", "folgt ", "suivez", "síguenos", "siga ", "seguici", "segui ", "volg ", "ikuti", "følg ", "följ ",
                     // "Subscribe to our Telegram channel", "Подписывайтесь на наш канал в Telegram", "Obserwuj nas na Facebooku i Instagramie".
                     "subscribe to our", "join our", "abonnez-vous", "abonnieren sie", "abonniere ", "suscríbete", "iscriviti", "inscreva-se",
                     "obserwuj", "subskrybuj", "sledujte", "подписывайтесь", "подпишитесь", "присоединяйтесь", "gabung", "ακολουθήστε",
                     "следите", "seuraa", "kövess", "urmărește", "urmăriți", "theo dõi"])
            follow |= lower.StartsWith(start, StringComparison.Ordinal);
        if (!follow)
            return false;
        foreach (var network in (ReadOnlySpan<string>)["twitter", "facebook", "instagram", "linkedin", "google news", "whatsapp", "telegram", "youtube", "tiktok", "threads", "bluesky", "mastodon", "вконтакте", "дзен"])
            if (lower.Contains(network, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>Words that make a line mentioning a newsletter an invitation to sign up for it rather than a sentence about one.</summary>
    private static readonly string[] SignUpWords =
    [
        "sign up", "signing up", "subscribe", "inbox", "free", "here", "click", "register", "anmeld", "abonn", "postfach",
        "kostenlos", "hier ", "jetzt", "inscri", "gratuit", "suscrib", "gratis", "iscriv", "assine", "cadastre", "registr",
        "zapisz", "meld je aan", "aanmelden", "prenumer", "tilmeld", "påmeld", "tilaa", "abone ol", "подпиш",
    ];

    /// <summary>"Newsletter" in the languages that have a word of their own for it.</summary>
    private static readonly string[] NewsletterWords = ["newsletter", "nieuwsbrief", "nyhedsbrev", "nyhetsbrev", "uutiskirje", "bülten", "рассылк", "boletín",
        "lettre d'information", "lettre d’information", "infolettre"];

    /// <summary>"Sign up for our daily newsletter", "Der Newsletter informiert Sie ... Hier geht's zur Anmeldung!".</summary>
    private static bool IsNewsletterPrompt(string lower)
    {
        if (lower.Length > MaxFurnitureChars * 2)
            return false;
        bool newsletter = false;
        foreach (var name in NewsletterWords)
            newsletter |= lower.Contains(name, StringComparison.Ordinal);
        if (!newsletter)
            return false;
        foreach (var word in SignUpWords)
            if (lower.Contains(word, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>Fewest words of a contact prompt: a signature ("Columnist Ann Lee ann@example.com") is shorter.</summary>
    private const int MinContactPromptWords = 5;

    /// <summary>
    /// "Got a story? Email us at news@example.com", "Wir freuen uns über eine Mail an leser@example.de!": an address to
    /// write to, asked for or ending the line. An address in the middle of a statement is left to the story.
    /// </summary>
    private static bool IsContactPrompt(string text, string lower)
    {
        if (text.Length > MaxFurnitureChars * 2 || CountWords(text) < MinContactPromptWords)
            return false;
        int at = text.IndexOf('@');
        if (at <= 0 || !char.IsLetterOrDigit(text[at - 1]) || text.IndexOf('.', at) < at + 2)
            return false;
        var tail = text.AsSpan().TrimEnd(".!)» ");
        int lastSpace = tail.LastIndexOf(' ');
        bool endsWithAddress = tail[(lastSpace + 1)..].Contains('@');
        return endsWithAddress || text.Contains('?') || lower.StartsWith("email ", StringComparison.Ordinal)
            || lower.StartsWith("e-mail ", StringComparison.Ordinal) || lower.StartsWith("contact ", StringComparison.Ordinal);
    }

    /// <summary>How near the end of a line a photo credit must start for the line to be a caption.</summary>
    private const int MaxCreditTailChars = 70;

    /// <summary>Marks of a photo credit, in several languages, and agency credits as they are printed under pictures.</summary>
    private static readonly string[] CreditMarks =
    [
        "©", "(picture:", "(pictures:", "(photo:", "(photos:", "(image:", "(credit:", "(foto:", "(fotos:", "(bild:", "photo:", "photos:",
        "foto:", "fotos:", "bild:", "bilder:", "picture:", "image:", "credit:", "crédit :", "crédit:", "crédits :", "kuva:", "bilde:",
        "billede:", "zdjęcie:", "fotó:", "фото:", "(foto ", "(photo ", "(bild ", "(kuva ", "(zdjęcie ", "(фото ", "imago/", "imago images", "/dpa", "dpa/", "(afp", "afp/", "/afp", "getty images",
        "/reuters", "reuters/", "(ap photo", "ap photo/", "shutterstock", "istock", "picture alliance", "picture-alliance",
        "keystone/", "/keystone", "epa/", "/epa", "anp/", "/anp", "ntb/", "/ntb", "/ritzau", "ritzau/",
    ];

    /// <summary>
    /// A caption printed as a paragraph: a line that ends with a photo credit ("... seen at dusk (Picture: Getty)",
    /// "... in Berlin. IMAGO/Jane Roe", "... © City Archive") and no sentence after it.
    /// </summary>
    private static bool IsCaptionCredit(string lower)
    {
        if (lower.Length > MaxFurnitureChars * 2 || lower[^1] is '.' or '!' or '?' or ':' or '"' or '“' or '”' or '»')
            return false;
        int tailStart = Math.Max(0, lower.Length - MaxCreditTailChars);
        var tail = lower.AsSpan(tailStart);
        foreach (var mark in CreditMarks)
        {
            int at = tail.IndexOf(mark, StringComparison.Ordinal);
            // The credit is the line's tail: no sentence ends after it begins.
            if (at >= 0 && !tail[at..].Contains(". ", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The button of a shop or price box inside a review or a shop's news: "Jetzt bei Example kaufen*", "Buy on Example",
    /// "Zum Angebot", "Voir l'offre", "Check price". A short line that is only the call; a sentence about buying is longer.
    /// </summary>
    [GeneratedRegex(@"^\s*(?:(?:jetzt\s+|direkt\s+|hier\s+)?(?:bei|auf|im|über)\s+\S+(?:\s+\S+){0,2}\s+(?:kaufen|bestellen|ansehen|shoppen|buchen)|"
        + @"(?:buy|shop|order|get\s+it)(?:\s+it)?\s+(?:now|here|today|on|at|from)(?:\s+\S+){0,3}|(?:check|see|view|compare)\s+(?:the\s+)?(?:price|prices|deal|deals|offer|offers)(?:\s+\S+){0,3}|"
        + @"(?:jetzt\s+)?(?:kaufen|bestellen|zum\s+angebot|zum\s+shop|zum\s+produkt|zum\s+deal|preis\s+prüfen|preise\s+vergleichen|angebot\s+ansehen)(?:\s+\S+){0,3}|"
        + @"voir\s+l[’']offre|voir\s+le\s+prix|acheter\s+(?:sur|chez|maintenant)(?:\s+\S+){0,2}|ver\s+oferta|comprar\s+(?:en|ahora|ya)(?:\s+\S+){0,2}|"
        + @"vedi\s+offerta|acquista\s+(?:su|ora|subito)(?:\s+\S+){0,2}|bekijk\s+(?:aanbieding|prijs|deal)|nu\s+kopen|kup\s+teraz|sprawdź\s+cenę|köp\s+nu|kjøp\s+nå|køb\s+nu|"
        + @"beli\s+(?:di|sekarang)(?:\s+\S+){0,2}|cek\s+harga|(?:hemen\s+)?satın\s+al|comprar\s+(?:no|na|agora)(?:\s+\S+){0,2}|ver\s+preço)"
        + @"\s*[*›»→>]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShopButton();

    /// <summary>
    /// A line of a forum member's panel beside a post: "Beiträge: 1234", "Posts: 56", "Messages : 1 024", "Reaction score: 12".
    /// The label names a count of the member's activity and a number is all that follows.
    /// </summary>
    [GeneratedRegex(@"^\s*(?:beiträge|posts|post count|messages|mensajes|messaggi|mensagens|berichten|berichte|postów|posty|wpisy|inlägg|innlegg|indlæg|viestejä|сообщения|сообщений|"
        + @"reaction score|reactions|reaktionen|réactions|likes|likes received|points|punkte|punten|thanks|danke|dankeschöns|karma|reputation|ruf|themen|topics|sujets|antworten|replies)"
        + @"\s*:?\s*\d[\d.,'\u00a0 ]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MemberStat();

    /// <summary>Words at a line's end searched for a shop button run on with the price before it.</summary>
    private const int MaxShopButtonWords = 6;

    /// <summary>
    /// A price box on one line: its price label and a price, then the shop's button ("Aktualna cena: od 259 zł w sklepach
    /// Sprawdź cenę", "Preis: ab 49,90 € Zum Angebot"). The line is short (the caller checks) and ends in the button's words.
    /// A deal article's own offer line ("Zum Tarif bei X … für 5,99 Euro Zum Angebot") names no price label: the story's.
    /// </summary>
    private static bool IsPriceWithShopButton(string text)
    {
        if (!PriceLabel().IsMatch(text) || !PriceAmount().IsMatch(text))
            return false;
        var trimmed = text.AsSpan().TrimEnd();
        int start = trimmed.Length;
        for (int words = 0; words < MaxShopButtonWords; words++)
        {
            start = trimmed[..start].LastIndexOf(' ');
            if (start <= 0)
                return false;
            if (ShopButton().IsMatch(text.AsSpan(start + 1)))
                return true;
        }
        return false;
    }

    /// <summary>A price box's label opening the line, perhaps after one word: "Preis:", "Aktualna cena:", "Current price:".</summary>
    [GeneratedRegex(@"^\s*(?:\S+\s+)?(?:price|preis|prix|precio|prezzo|preço|prijs|pris|cena|fiyat|harga|цена|ціна|τιμή|hinta|ár)\s*:",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriceLabel();

    /// <summary>A price anywhere in a line: a currency sign or code next to an amount ("259 zł", "€ 49,90", "1.299 Kč").</summary>
    [GeneratedRegex(@"(?:[€$£¥₹₽]|\b(?:eur|usd|chf|gbp|rp|r\$))\.?\s?\d|\d[\d.,'\u00a0]*\s?(?:[€$£¥₹₽₺]|(?:eur|euro|usd|chf|gbp|kr|sek|nok|dkk|zł|pln|czk|kč|ft|huf|lei|ron|tl)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriceAmount();

    /// <summary>
    /// The service behind a widget, named under it: "Liveticker powered by Example.de", "Powered by Example Forms". A
    /// line of a few words at the text's end.
    /// </summary>
    [GeneratedRegex(@"^\s*(?:\S+\s+){0,2}powered\s+by\s+\S+(?:\s+\S+){0,2}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PoweredBy();

    /// <summary>A price alone on its line, as a price box prints it: "549,00 €", "ab 19,99 EUR*", "$1,299", "UVP: 699 €".</summary>
    [GeneratedRegex(@"^\s*(?:(?:ab|from|uvp|statt|nur|only|price|preis|prix|precio|prezzo|cena|pris|desde|da|dès|harga|fiyat|preço|prijs|цена)\s*:?\s*)?"
        + @"(?:(?:[€$£¥₹₽]|eur|usd|chf|gbp|rp|r\$)\.?\s?\d[\d.,'\u00a0 ]*(?:[-–]|\s*[€$£])?|\d[\d.,'\u00a0 ]*(?:[-–])?\s?(?:[€$£¥₹₽₺]|eur|euro|usd|chf|gbp|kr|sek|nok|dkk|zł|pln|czk|kč|ft|huf|lei|ron|tl))"
        + @"\s*\*?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriceAlone();

    /// <summary>Verbs that follow an author's name in a note about them under the story ("Ann Lee is a reporter ...").</summary>
    private static readonly string[] BioVerbs =
    [
        " is ", " ist ", " est ", " es ", " è ", " é ", " er ", " är ", " jest ", " je ", " covers ", " writes ", " schreibt ",
        " has ", " hat ", " lives ", " lebt ", " works ", " arbeitet ", " reports ", " berichtet ", " was ", " war ", " was a ",
        " leads ", " leitet ", " joined ", " coordinates ", " koordiniert ", " manages ", " teaches ", " unterrichtet ", " studied ",
        " studierte ", " holds ", " specializes ", " specialises ", " has worked ", " worked ", " grew up ", " loves ", " liebt ",
    ];

    /// <summary>
    /// A note about the article's author: the line starts with the author's name, and a bio verb follows. At the end of
    /// the text, where a blog's author box sits, the first name alone will do ("Lisa ist seit zehn Jahren …").
    /// </summary>
    private static bool IsAuthorBio(string text, IReadOnlyList<string> authors, bool nearEnd)
    {
        if (text.Length > MaxFurnitureChars * 3)
            return false;
        foreach (var author in authors)
        {
            // A full name only: a first name alone may be anyone's in the story.
            if (author.Length < 5 || !author.Contains(' '))
                continue;
            int at = text.IndexOf(author, StringComparison.Ordinal);
            if (at >= 0 && at <= MaxBylineExtraChars && (at == 0 || text[at - 1] == ' ') && StartsWithBioVerb(text.AsSpan(at + author.Length)))
                return true;
            var firstName = author.AsSpan(0, author.IndexOf(' '));
            if (nearEnd && firstName.Length >= MinBioFirstNameChars && text.StartsWith(firstName, StringComparison.Ordinal)
                && StartsWithBioVerb(text.AsSpan(firstName.Length)))
                return true;
        }
        return false;
    }

    /// <summary>A shorter first name may be an initial or a title.</summary>
    private const int MinBioFirstNameChars = 3;

    private static bool StartsWithBioVerb(ReadOnlySpan<char> text)
    {
        foreach (var verb in BioVerbs)
            if (text.StartsWith(verb, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>Longest product name over a price: a name, not a sentence.</summary>
    private const int MaxProductNameChars = 80;

    /// <summary>A short line that does not read as a sentence or introduce one: a product's name in a price box.</summary>
    private static bool IsProductName(TextBlock block)
    {
        var text = block.Text.AsSpan().Trim();
        return block.Kind == BlockKind.Paragraph && text.Length is > 0 and <= MaxProductNameChars && !IsSentenceMark(text[^1])
            && text[^1] is not (':' or '：' or ',' or ';');
    }

    /// <summary>Gallery and reading counters: "Image 1 of 5", "Foto 2 di 10", "5 min read".</summary>
    private static bool IsCounter(string lower)
    {
        int words = CountWords(lower);
        if (words > 4)
            return false;
        return lower.EndsWith(" min read", StringComparison.Ordinal) || lower.EndsWith(" minute read", StringComparison.Ordinal)
            || (words == 4 && char.IsDigit(lower[^1]) && (lower.Contains(" of ", StringComparison.Ordinal)
                || lower.Contains(" von ", StringComparison.Ordinal) || lower.Contains(" di ", StringComparison.Ordinal)
                || lower.Contains(" de ", StringComparison.Ordinal) || lower.Contains(" sur ", StringComparison.Ordinal)
                || lower.Contains(" из ", StringComparison.Ordinal)));
    }

    /// <summary>Words of the like and comment counters under a blog post: "공감 12", "いいね 5", "赞 30", "12 likes".</summary>
    private static readonly FrozenSet<string> ReactionWords = FrozenSet.ToFrozenSet(
    [
        "공감", "좋아요", "추천", "비추천", "댓글", "조회", "조회수", "いいね", "コメント", "赞", "点赞", "在看", "评论",
        "like", "likes", "claps", "gefällt", "mir", "j'aime", "me", "gusta",
        // View counters ("1,2 тыс. просмотров", "512 Aufrufe", "1.2K views") and their thousands.
        // Votes on a question or answer ("12 votes", "3 Stimmen").
        "votes", "vote", "stimmen", "votos", "voti", "stemmen", "głosów", "hlasů", "röster",
        "views", "view", "просмотров", "просмотра", "просмотр", "aufrufe", "vues", "visualizzazioni", "visualizaciones",
        "visualizações", "wyświetleń", "wyświetlenia", "görüntülenme", "okunma", "dibaca", "dilihat", "kali", "阅读", "浏览",
        "тыс.", "тыс", "k", "mil", "bin", "rb", "ribu", "เข้าชม", "ครั้ง", "lượt", "xem", "צפיות", "مشاهدة", "مشاهدات",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReactionWordLookup = ReactionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Most words of a reaction counter ("Gefällt mir 12").</summary>
    private const int MaxReactionCountWords = 4;

    /// <summary>Only counts and reaction words: "공감 12", "댓글 3", "12 likes".</summary>
    private static bool IsReactionCount(string lower)
    {
        bool count = false, reaction = false;
        int words = 0;
        foreach (var range in lower.AsSpan().SplitAny(" \u00a0·|"))
        {
            var word = lower.AsSpan(range).Trim("()[]:");
            if (word.Length == 0)
                continue;
            if (++words > MaxReactionCountWords)
                return false;
            if (IsNumberOnly(word))
                count = true;
            else if (ReactionWordLookup.Contains(word))
                reaction = true;
            else
                return false;
        }
        return count && reaction;
    }

    /// <summary>Words that count an account's followers, in several languages.</summary>
    private static readonly string[] FollowerWords = [" followers", " follower", " abonnenten", " abonnés", " seguidores", " подписчик", " pengikut", " takipçi", " obserwujących", " volgers"];

    /// <summary>Most words of a follower count with the account's title beside it ("1.2K Followers · Writer for Example").</summary>
    private const int MaxFollowerLineWords = 8;

    /// <summary>A count of an author's followers on a profile card: "1.2K Followers", "3 414 abonnés · Auteur".</summary>
    private static bool IsFollowerCount(string lower)
    {
        if (lower.Length == 0 || !char.IsDigit(lower[0]) || IsSentenceMark(lower[^1]) || CountWords(lower) > MaxFollowerLineWords)
            return false;
        foreach (var word in FollowerWords)
            if (lower.Contains(word, StringComparison.Ordinal))
                return true;
        return false;
    }

    private static bool IsNumberOnly(ReadOnlySpan<char> text)
    {
        bool digit = false;
        foreach (var c in text)
        {
            if (char.IsDigit(c))
                digit = true;
            else if (char.IsLetter(c) || c == '_')
                return false;
        }
        return digit;
    }

    /// <summary>A mark that ends a sentence: . ! ? and the CJK, Devanagari and Arabic full stop, exclamation and question marks.</summary>
    internal static bool IsSentenceMark(char c) => c is '.' or '!' or '?' or '\u3002' or '\uFF01' or '\uFF1F' or '\u0964' or '\u061F';

    /// <summary>Runs of characters between white space.</summary>
    /// <summary>
    /// The text in lower case for the phrase lists: the invariant culture leaves Turkish capital dotted I ("İlgili Haber:",
    /// "ETİKETLER") as it is, so it becomes the plain i every listed phrase is written with.
    /// </summary>
    internal static string LowerCase(string text)
    {
        var lower = text.ToLowerInvariant();
        return lower.Contains('\u0130') ? lower.Replace('\u0130', 'i') : lower;
    }

    /// <summary><see cref="LowerCase(string)"/> into a buffer of the same length, for the short titles looked up in sets.</summary>
    internal static void LowerCase(ReadOnlySpan<char> text, Span<char> lower)
    {
        text.ToLowerInvariant(lower);
        lower.Replace('\u0130', 'i');
    }

    internal static int CountWords(ReadOnlySpan<char> text)
    {
        int words = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            bool letter = !char.IsWhiteSpace(c);
            if (letter && !inWord)
                words++;
            inWord = letter;
        }
        return words;
    }

    /// <summary>Lower case, letters and digits only, single spaces: for comparing a line with the headline.</summary>
    /// <summary>A heading that is the title with a kicker or label before it ("BREAKING NEWS: ...", "Art market ..."):
    /// the record's title leaves those out, the heading is still the headline.</summary>
    private static bool IsTitleUnderKicker(string heading, string title) =>
        title.Length >= MinKickedTitleChars && heading.Length > title.Length && heading.EndsWith(title, StringComparison.Ordinal)
        && heading[heading.Length - title.Length - 1] == ' ';

    /// <summary>A shorter title may end a heading by chance.</summary>
    private const int MinKickedTitleChars = 20;

    /// <summary>The two texts have the same words, whatever their case, spaces and punctuation.</summary>
    internal static bool SameWords(string a, string b) => Normalize(a) is { } words && words == Normalize(b);

    private static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var chars = new char[text.Length];
        int length = 0;
        bool space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && length > 0)
                    chars[length++] = ' ';
                chars[length++] = char.ToLowerInvariant(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return length == 0 ? null : new string(chars, 0, length);
    }
}
