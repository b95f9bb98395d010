using Gleaner.Extraction;

namespace Gleaner.Tests.Extraction.Metadata;

/// <summary>
/// Dates as the web writes them, on whole pages with the furniture that misleads: the masthead's
/// "today" date, a sidebar of other stories, comments and the copyright line. Each case is one
/// shape (a language's dateline, a CMS's markup, a meta name, a URL), written for this test.
/// </summary>
public class DateShapesTests
{
    private static Article ExtractPage(string lang, string article, string head = "", string url = "https://www.example.org/news/story")
        => new ArticleExtractor().Extract($"""
            <!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Example</title>{head}</head><body>
            <header class="site-header" role="banner"><div class="header-date">13.01.2023</div><nav class="main-nav"><a href="/">Home</a> <a href="/news">News</a></nav></header>
            <main class="site-main"><div class="container">{article}
            <aside class="sidebar"><h3>Popular</h3><ul><li><a href="/other">Another story about the city</a> <span class="date">12.01.2023</span></li></ul></aside>
            <section class="comments"><h3>2</h3><div class="comment"><span class="comment-date">14.01.2023 10:12</span><p>Great!</p></div></section>
            </div></main>
            <footer class="site-footer"><p>© 2019–2024 Example Media.</p></footer></body></html>
            """, url);

    private const string Text = "<p>The council met on Monday and agreed on the plan after a long debate about its cost.</p>";

    [Theory]
    // German: WordPress post meta with a published and an updated <time>.
    [InlineData("de", """<article class="post"><header class="entry-header"><h1 class="entry-title">Neue Radwege in der Innenstadt</h1><div class="entry-meta"><span class="posted-on">Veröffentlicht am <a href="/x/" rel="bookmark"><time class="entry-date published" datetime="2022-05-03T09:15:00+02:00">3. Mai 2022</time><time class="updated" datetime="2022-05-10T12:00:00+02:00">10. Mai 2022</time></a></span></div></header><div class="entry-content">""" + Text + "</div></article>", "2022-05-03T09:15:00+02:00", "2022-05-10T12:00:00+02:00")]
    // German: an institution's press release (TYPO3 news), a deadline in the text.
    [InlineData("de", """<div class="news news-single"><div class="article"><div class="header"><h1>Hochschule startet neues Förderprogramm</h1></div><div class="news-list-date"><span class="news-list-category">Pressemitteilung</span> 03.05.2022</div><div class="news-text-wrap"><p>Die Bewerbungsfrist endet am 30.06.2022. Bewerben können sich alle Studierenden.</p></div></div></div>""", "2022-05-03", null)]
    // German: byline line with a date and an "Uhr" time written with a dot.
    [InlineData("de", """<article><h1>Stadtrat beschließt Haushalt</h1><p class="meta">Von <a href="/autor/anna">Anna Muster</a> | 03.05.2022, 14.10 Uhr</p>""" + Text + "</article>", "2022-05-03T14:10:00+02:00", null)]
    // German: created and updated labels.
    [InlineData("de", """<article><h1>Stadtrat beschließt Haushalt</h1><div class="article-info">Erstellt: 03.05.2022, 14:10 Uhr · Aktualisiert: 04.05.2022, 08:00 Uhr</div>""" + Text + "</article>", "2022-05-03T14:10:00+02:00", "2022-05-04T08:00:00+02:00")]
    // German: an unmarked dateline paragraph and an event date in the text.
    [InlineData("de", """<article><h1>Sommerfest im Park</h1><p>3. Mai 2022 | Lesezeit: 2 Minuten</p><p>Das Fest findet am 12. Juni 2022 statt und beginnt um 14 Uhr.</p></article>""", "2022-05-03", null)]
    // French: published and updated in one line, day-first numerics.
    [InlineData("fr", """<article><h1>Le conseil adopte le budget</h1><p class="article-meta">Par <a>Jean Dupont</a> Publié le 03/05/2022 à 10h30, mis à jour le 04/05/2022 à 08h00</p>""" + Text + "</article>", "2022-05-03T10:30:00+00:00", "2022-05-04T08:00:00+00:00")]
    [InlineData("fr", """<article><h1>Le conseil adopte le budget</h1><span class="meta__date">Publié le 03 mai 2022 à 10h30 - Modifié le 04 mai 2022 à 08h00</span>""" + Text + "</article>", "2022-05-03T10:30:00+00:00", "2022-05-04T08:00:00+00:00")]
    // Spanish: place, date and time with "h"; an update note first.
    [InlineData("es", """<article><h1>El consejo aprueba el presupuesto</h1><div class="fecha">Madrid, 03/05/2022 - 10:30h</div>""" + Text + "</article>", "2022-05-03T10:30:00+00:00", null)]
    [InlineData("es", """<article><h1>El consejo aprueba el presupuesto</h1><p>Última actualización: 04/05/2022 08:00</p><p>Publicado: 03/05/2022 10:30</p>""" + Text + "</article>", "2022-05-03T10:30:00+00:00", "2022-05-04T08:00:00+00:00")]
    // Italian.
    [InlineData("it", """<article><h1>Il consiglio approva il bilancio</h1><div class="data-articolo">3 maggio 2022 - 10:30</div>""" + Text + "</article>", "2022-05-03T10:30:00+02:00", null)]
    [InlineData("it", """<article><h1>Il consiglio approva il bilancio</h1><p>Pubblicato il: 03/05/2022 Ultimo aggiornamento: 04/05/2022 08:00</p>""" + Text + "</article>", "2022-05-03", "2022-05-04T08:00:00+00:00")]
    // Dutch.
    [InlineData("nl", """<article><h1>Gemeenteraad keurt begroting goed</h1><div class="article-meta">Gepubliceerd: 3 mei 2022 om 10:30 | Laatst bijgewerkt: 4 mei 2022</div>""" + Text + "</article>", "2022-05-03T10:30:00+02:00", "2022-05-04")]
    [InlineData("nl", """<article><h1>Gemeenteraad keurt begroting goed</h1><div class="article__meta">di 3 mrt 2022 · 10:30</div><div class="article__updated">Aangepast: wo 4 mrt 2022 · 16:45</div>""" + Text + "</article>", "2022-03-03T10:30:00+01:00", "2022-03-04T16:45:00+01:00")]
    // Portuguese.
    [InlineData("pt", """<article><h1>Câmara aprova orçamento</h1><p class="data">Publicado em 03/05/2022 às 10h30 Atualizado em 04/05/2022 às 08h00</p>""" + Text + "</article>", "2022-05-03T10:30:00+00:00", "2022-05-04T08:00:00+00:00")]
    // Polish.
    [InlineData("pl", """<article><h1>Rada miasta przyjęła budżet</h1><div class="article-date">Data publikacji: 03.05.2022, 10:30 Aktualizacja: 04.05.2022, 08:00</div>""" + Text + "</article>", "2022-05-03T10:30:00+02:00", "2022-05-04T08:00:00+02:00")]
    // Czech.
    [InlineData("cs", """<article><h1>Zastupitelstvo schválilo rozpočet</h1><p class="info">Publikováno: 3. 5. 2022, Aktualizace: 4. 5. 2022</p>""" + Text + "</article>", "2022-05-03", "2022-05-04")]
    // Swedish, Danish, Norwegian: "kl." and dotted times.
    [InlineData("sv", """<article><h1>Fullmäktige antog budgeten</h1><p class="publish-info">Publicerad 3 maj 2022 kl. 10.30 · Uppdaterad 4 maj 2022 kl. 08.00</p>""" + Text + "</article>", "2022-05-03T10:30:00+02:00", "2022-05-04T08:00:00+02:00")]
    [InlineData("da", """<article><h1>Byrådet vedtog budgettet</h1><p>Offentliggjort 3. maj 2022 kl. 10.30</p>""" + Text + "</article>", "2022-05-03T10:30:00+02:00", null)]
    [InlineData("nb", """<article><h1>Bystyret vedtok budsjettet</h1><div class="dato">Publisert: 03.05.2022 10:30 Sist oppdatert: 04.05.2022 08:00</div>""" + Text + "</article>", "2022-05-03T10:30:00+02:00", "2022-05-04T08:00:00+02:00")]
    // Finnish: "klo".
    [InlineData("fi", """<article><h1>Valtuusto hyväksyi talousarvion</h1><p>Julkaistu 3.5.2022 klo 10.30 | Päivitetty 4.5.2022 klo 8.00</p>""" + Text + "</article>", "2022-05-03T10:30:00+03:00", "2022-05-04T08:00:00+03:00")]
    // Slovenian "ob", Croatian "u", Polish "godz.": dotted times after their word for "at".
    [InlineData("sl", """<article><h1>Mestni svet je potrdil proračun</h1><p class="meta">Objavljeno: 3. maja 2022 ob 10.30</p>""" + Text + "</article>", "2022-05-03T10:30:00+02:00", null)]
    [InlineData("hr", """<article><h1>Gradsko vijeće usvojilo proračun</h1><span class="date">3. svibnja 2022. u 10.30</span>""" + Text + "</article>", "2022-05-03T10:30:00+02:00", null)]
    [InlineData("pl", """<article><h1>Rada miasta przyjęła budżet</h1><div class="data">3 maja 2022, godz. 10.30</div>""" + Text + "</article>", "2022-05-03T10:30:00+02:00", null)]
    // Russian and Ukrainian.
    [InlineData("ru", """<article><h1>Городской совет принял бюджет</h1><div class="article__info-date">3 мая 2022 в 10:30 Обновлено: 4 мая 2022, 08:00</div>""" + Text + "</article>", "2022-05-03T10:30:00+00:00", "2022-05-04T08:00:00+00:00")]
    [InlineData("uk", """<article><h1>Міська рада ухвалила бюджет</h1><p>Опубліковано 3 травня 2022 р., 10:30</p>""" + Text + "</article>", "2022-05-03T10:30:00+03:00", null)]
    // Turkish: "tarih" class, published and updated.
    [InlineData("tr", """<article><h1>Belediye meclisi bütçeyi onayladı</h1><div class="tarih">3 Mar 2022 Salı 10:30 · Güncelleme: 4 Eyl 2022</div>""" + Text + "</article>", "2022-03-03T10:30:00+03:00", "2022-09-04")]
    [InlineData("pl", """<article><h1>Rada miasta przyjęła budżet</h1><div class="data">3 lut 2022, 10:30</div>""" + Text + "</article>", "2022-02-03T10:30:00+01:00", null)]
    [InlineData("tr", """<article><h1>Belediye meclisi bütçeyi onayladı</h1><div class="haber-tarih">Yayınlanma: 03.05.2022 - 10:30 | Güncelleme: 04.05.2022 - 08:00</div>""" + Text + "</article>", "2022-05-03T10:30:00+03:00", "2022-05-04T08:00:00+03:00")]
    // Greek.
    [InlineData("el", """<article><h1>Το δημοτικό συμβούλιο ενέκρινε τον προϋπολογισμό</h1><time>3 Μαΐου 2022, 10:30</time>""" + Text + "</article>", "2022-05-03T10:30:00+03:00", null)]
    [InlineData("el", """<article><h1>Το δημοτικό συμβούλιο ενέκρινε τον προϋπολογισμό</h1><div class="meta">Δημοσίευση: 03.05.2022 10:30 | Ενημέρωση: 04.05.2022</div>""" + Text + "</article>", "2022-05-03T10:30:00+03:00", "2022-05-04")]
    // Japanese: 年月日 with 時分 and labels.
    [InlineData("ja", """<article><h1>市議会が予算案を可決</h1><div class="article-date">公開日：2022年5月3日 10時30分　更新日：2022年5月4日</div>""" + Text + "</article>", "2022-05-03T10:30:00+09:00", "2022-05-04")]
    [InlineData("ja", """<article><h1>市議会が予算案を可決</h1><p>2022年5月3日 午後3時30分 配信</p>""" + Text + "</article>", "2022-05-03T15:30:00+09:00", null)]
    // Chinese: labels without spaces.
    [InlineData("zh", """<article><h1>市议会通过预算</h1><div class="info">更新时间：2022-05-04 08:00 发布时间：2022-05-03 10:30 来源：本报</div>""" + Text + "</article>", "2022-05-03T10:30:00+08:00", "2022-05-04T08:00:00+08:00")]
    // Korean: "yyyy. m. d." and 오후.
    [InlineData("ko", """<article><h1>시의회 예산안 통과</h1><div class="info"><span>입력 2022. 5. 3. 오후 3:30</span> <span>수정 2022. 5. 4. 오전 8:00</span></div>""" + Text + "</article>", "2022-05-03T15:30:00+09:00", "2022-05-04T08:00:00+09:00")]
    // Arabic-Indic digits, day first.
    [InlineData("ar", """<article><h1>المجلس البلدي يقر الميزانية</h1><span class="date">٠٣/٠٥/٢٠٢٢ - ١٠:٣٠</span>""" + Text + "</article>", "2022-05-03T10:30:00+00:00", null)]
    // Persian: the Solar Hijri calendar, in Persian digits and with month names.
    [InlineData("fa", """<article><h1>شورای شهر بودجه را تصویب کرد</h1><span class="date">۱۴۰۱/۰۲/۱۳</span>""" + Text + "</article>", "2022-05-03", null)]
    [InlineData("fa", """<article><h1>شورای شهر بودجه را تصویب کرد</h1><span class="date">۱۳ اردیبهشت ۱۴۰۱</span>""" + Text + "</article>", "2022-05-03", null)]
    // Chinese: a time written with 时 and 分.
    [InlineData("zh", """<article><h1>市议会通过预算</h1><p class="time">2022年5月3日 10时30分</p>""" + Text + "</article>", "2022-05-03T10:30:00+08:00", null)]
    // Bengali and Urdu month names, Bengali digits.
    [InlineData("bn", """<article><h1>সিটি কাউন্সিল বাজেট পাস করেছে</h1><p class="date">প্রকাশিত: ৩ মে ২০২২, ১০:৩০</p>""" + Text + "</article>", "2022-05-03T10:30:00+00:00", null)]
    [InlineData("ur", """<article><h1>سٹی کونسل نے بجٹ منظور کر لیا</h1><p class="date">03 مئی 2022</p>""" + Text + "</article>", "2022-05-03", null)]
    // Bengali labels: the update first; Thai with its era named before the Buddhist-era year.
    [InlineData("bn", """<article><h1>সিটি কাউন্সিল বাজেট পাস করেছে</h1><p class="date">আপডেট: ৪ মে ২০২২ | প্রকাশ: ৩ মে ২০২২</p>""" + Text + "</article>", "2022-05-03", "2022-05-04")]
    [InlineData("th", """<article><h1>สภาเมืองผ่านงบประมาณ</h1><p class="date">วันอังคารที่ 3 พฤษภาคม พ.ศ. 2565</p>""" + Text + "</article>", "2022-05-03", null)]
    // AMP: <amp-timeago> keeps the instant in datetime and shows a relative time.
    [InlineData("en", """<article><h1>Council agrees budget</h1><amp-timeago layout="fixed" width="160" height="20" datetime="2022-05-03T10:30:00+02:00">3 hours ago</amp-timeago>""" + Text + "</article>", "2022-05-03T10:30:00+02:00", null)]
    // English blogs: Blogger's date header above the post title, a post-meta line with comments.
    [InlineData("en", """<div class="blog-posts"><h2 class="date-header"><span>Tuesday, May 3, 2022</span></h2><div class="post-outer"><h1 class="post-title">A walk on the coast</h1><div class="post-body">""" + Text + "</div></div></div>", "2022-05-03", null)]
    [InlineData("en", """<article><h1>A walk on the coast</h1><p class="post-meta">May 3, 2022 | 5 Comments</p>""" + Text + "</article>", "2022-05-03", null)]
    [InlineData("en", """<article><h1>A walk on the coast</h1><div class="meta"><time>3rd May 2022</time></div>""" + Text + "</article>", "2022-05-03", null)]
    // English: WordPress themes that print the update time before the publication time, both unlabelled.
    [InlineData("en", """<article class="post"><header class="entry-header"><h1 class="entry-title">A walk on the coast</h1><div class="entry-meta"><span class="posted-on"><a href="/x/" rel="bookmark"><time class="updated" datetime="2022-05-05T09:00:00+00:00">May 5, 2022</time><time class="entry-date published" datetime="2022-05-03T14:30:00+00:00">May 3, 2022</time></a></span></div></header><div class="entry-content">""" + Text + "</div></article>", "2022-05-03T14:30:00+00:00", "2022-05-05T09:00:00+00:00")]
    // English: a Guardian-style dotted time with a zone.
    [InlineData("en-GB", """<article><h1>Council agrees budget</h1><div class="dateline">Tue 3 May 2022 10.30 BST</div>""" + Text + "</article>", "2022-05-03T10:30:00+01:00", null)]
    // Austrian German: "Feber" for February; German: a two-digit year after "vom" with a one-digit day and month.
    [InlineData("de-AT", """<article><h1>Gemeinderat beschließt Budget</h1><p class="date">Wien, 14. Feber 2022</p>""" + Text + "</article>", "2022-02-14", null)]
    [InlineData("de", """<article><h1>Stadtrat beschließt Haushalt</h1><p class="meta">Pressemitteilung vom 3.5.22</p>""" + Text + "</article>", "2022-05-03", null)]
    // German: a line above the date that only begins with an event's word ("Start der Bauarbeiten") labels nothing.
    [InlineData("de", """<article><h1>Stadt saniert die Brücke</h1><p class="kicker">Start der Bauarbeiten</p><p class="date">03.05.2022</p>""" + Text + "</article>", "2022-05-03", null)]
    // German: the day the page was printed is no publication date; an info box of events under a heading above the text either.
    [InlineData("de", """<article><h1>Stadtrat beschließt Haushalt</h1><p class="print-info">Gedruckt am 10.05.2022</p><p class="date">03.05.2022</p>""" + Text + "</article>", "2022-05-03", null)]
    [InlineData("de", """<article><h1>Stadtrat beschließt Haushalt</h1><div class="infobox"><h3>Termine</h3><ul><li>12.05.2022: Info-Abend</li><li>19.05.2022: Anmeldeschluss</li></ul></div>""" + Text + """<p class="meta">Meldung vom 03.05.2022</p></article>""", "2022-05-03", null)]
    // The half of the day written after the time in other scripts: Arabic م/ص, Greek μ.μ., Vietnamese CH; a British
    // dotted time with "pm"; a 24-hour clock followed by the German word "am" keeps its hour and its date.
    [InlineData("ar", """<article><h1>المجلس البلدي يقر الميزانية</h1><div class="date-time">نشر في: الثلاثاء 3 مايو 2022 - 03:30 م</div>""" + Text + "</article>", "2022-05-03T15:30:00+00:00", null)]
    [InlineData("ar", """<article><h1>المجلس البلدي يقر الميزانية</h1><div class="date">3 مايو 2022 09:05 ص</div>""" + Text + "</article>", "2022-05-03T09:05:00+00:00", null)]
    [InlineData("el", """<article><h1>Το δημοτικό συμβούλιο ενέκρινε τον προϋπολογισμό</h1><span class="date">03/05/2022 • 3:30 μ.μ.</span>""" + Text + "</article>", "2022-05-03T15:30:00+03:00", null)]
    [InlineData("vi", """<article><h1>Hội đồng thành phố thông qua ngân sách</h1><span class="date">03/05/2022 3:30 CH</span>""" + Text + "</article>", "2022-05-03T15:30:00+07:00", null)]
    [InlineData("en-GB", """<article><h1>Council agrees budget</h1><p class="byline">By Tom Reed <span class="date">3 May 2022, 3.30pm</span></p>""" + Text + "</article>", "2022-05-03T15:30:00+01:00", null)]
    [InlineData("de", """<article><h1>Stadtrat beschließt Haushalt</h1><p class="meta">Veröffentlicht 14:30 am 03.05.2022</p>""" + Text + "</article>", "2022-05-03T14:30:00+02:00", null)]
    // A zone written in Cyrillic.
    [InlineData("ru", """<article><h1>Городской совет принял бюджет</h1><div class="meta">3 мая 2022, 10:30 (МСК)</div>""" + Text + "</article>", "2022-05-03T10:30:00+03:00", null)]
    // A <time> whose datetime holds only the day and whose text shows the clock; Hugo's unmarked span keeping the
    // instant in its title under a post-meta line that shows the day.
    [InlineData("en", """<article><h1>Council agrees budget</h1><div class="meta"><time datetime="2022-05-03">May 3, 2022 at 3:30 pm</time></div>""" + Text + "</article>", "2022-05-03T15:30:00+00:00", null)]
    [InlineData("en", """<article><h1>Council agrees budget</h1><div class="post-meta"><span title='2022-05-03 15:30:00 +0200 CEST'>May 3, 2022</span>&nbsp;·&nbsp;3 min</div>""" + Text + "</article>", "2022-05-03T15:30:00+02:00", null)]
    // A press release's embargo is the moment it is published ("until" alone labels a deadline).
    [InlineData("en", """<article><h1>Survey shows record volunteering</h1><p class="embargo">EMBARGOED UNTIL 00:01 BST TUESDAY 3 MAY 2022</p>""" + Text + "</article>", "2022-05-03T00:01:00+01:00", null)]
    [InlineData("de", """<article><h1>Umfrage zeigt Rekord beim Ehrenamt</h1><p>Sperrfrist: 03.05.2022, 10:30 Uhr</p>""" + Text + "</article>", "2022-05-03T10:30:00+02:00", null)]
    // Drupal 7's RDFa keeps the instant in content while its default format prints the month first whatever the language.
    [InlineData("de", """<article><h1>Stadtrat beschließt Haushalt</h1><div class="submitted"><span property="dc:date dc:created" content="2022-05-03T10:30:00+02:00" datatype="xsd:dateTime">Eingereicht von admin am Di, 05/03/2022 - 10:30</span></div>""" + Text + "</article>", "2022-05-03T10:30:00+02:00", null)]
    // The weekday before a slashed date tells its order where the page's convention would read it the other way.
    [InlineData("de", """<article><h1>Stadtrat beschließt Haushalt</h1><div class="submitted">Eingereicht von admin am Di, 05/03/2022 - 10:30</div>""" + Text + "</article>", "2022-05-03T10:30:00+02:00", null)]
    [InlineData("en-US", """<article><h1>Council agrees budget</h1><p class="date">Sat, 05/03/2022</p>""" + Text + "</article>", "2022-03-05", null)]
    [InlineData("de", """<article><h1>Stadtrat beschließt Haushalt</h1><p class="date">Sa, 05/03/2022</p>""" + Text + "</article>", "2022-03-05", null)]
    // A time after the date that an update label parts from it is the update's; the publication's stands before the date.
    // "ET" keeps the clock of the season (daylight time from March's second Sunday); IST is India's.
    [InlineData("en-US", """<article><h1>Senate passes spending bill</h1><div class="dt">Published 2:05 p.m. ET March 12, 2025 | Updated 4:41 p.m. ET March 12, 2025</div>""" + Text + "</article>", "2025-03-12T14:05:00-04:00", "2025-03-12T16:41:00-04:00")]
    [InlineData("en-US", """<article><h1>Senate passes spending bill</h1><p class="date">Published Jan. 14, 2025 6:20 PM ET</p>""" + Text + "</article>", "2025-01-14T18:20:00-05:00", null)]
    [InlineData("en-IN", """<article><h1>New metro line opens</h1><div class="info"><span>Published on: Jan 14, 2025 18:20 IST</span></div>""" + Text + "</article>", "2025-01-14T18:20:00+05:30", null)]
    // A date badge that splits day, time and year into elements; C's asctime order ("Wed Nov 20 15:23:07 2019")
    [InlineData("en", """<div class="main-article-content"><h2 class="article-title">Deportees return home</h2><div class="article-controls"><div class="date"><div class="calendar-date">November 20</div><div class="calendar-time"><font>15:23</font><font>2019</font></div></div></div>""" + Text + "</div>", "2019-11-20T15:23:00+00:00", null)]
    [InlineData("en", """<article><h1>Mailing list digest</h1><p class="meta">Posted Wed Nov 20 15:23:07 2019</p>""" + Text + "</article>", "2019-11-20T15:23:07+00:00", null)]
    // Joomla 4: the update's <time> first, its label inside it; the label does not carry over to the next item's <time>.
    [InlineData("de", """<article><h1>Stadtrat beschließt Haushalt</h1><dl class="article-info"><dd class="modified"><time datetime="2024-03-20T12:05:00+01:00">Zuletzt aktualisiert: 20. März 2024</time></dd><dd class="published"><time datetime="2024-03-14T10:32:00+01:00">Veröffentlicht: 14. März 2024</time></dd></dl>""" + Text + "</article>", "2024-03-14T10:32:00+01:00", "2024-03-20T12:05:00+01:00")]
    // Quebec French writes the hour with spaced "h"; an old club page labels its entry "Eingetragen am".
    [InlineData("fr-CA", """<article><h1>La Ville annonce un nouveau tramway</h1><div class="meta"><span class="date">14 mars 2024 à 10 h 32</span></div>""" + Text + "</article>", "2024-03-14T10:32:00+00:00", null)]
    [InlineData("de", """<article><h1>Aufstieg in die Bezirksliga perfekt</h1><p><i>Eingetragen am 14.03.2024 von Vorstand</i></p>""" + Text + "</article>", "2024-03-14", null)]
    // Basque: the year's "of" (-ko, -eko) and the month's genitive (-aren): "2024ko martxoaren 14a".
    [InlineData("eu", """<article><h1>Ikastolaren historia liburu batean</h1><div class="egilea">Miren Agirre · 2024ko martxoaren 14a</div>""" + Text + "</article>", "2024-03-14", null)]
    [InlineData("eu", """<article><h1>Ikastolaren historia liburu batean</h1><p class="data">2023ko urriaren 5a, osteguna</p>""" + Text + "</article>", "2023-10-05", null)]
    // An agency's day and clock in sibling elements; a <time> holding the day first beside its clock.
    [InlineData("tr", """<article><h1>Merkez Bankası faizi sabit tuttu</h1><div class="detay-bilgi"><span class="tarih">14.03.2024</span> <span class="saat">14:02</span> <span class="guncelleme">Güncelleme: 14.03.2024 14:40</span></div>""" + Text + "</article>", "2024-03-14T14:02:00+03:00", "2024-03-14T14:40:00+03:00")]
    [InlineData("nl", """<article><h1>Gemeenteraad keurt begroting goed</h1><div class="meta"><time datetime="14-03-2024">14 maart 2024</time> | <span class="clock">10:32</span></div>""" + Text + "</article>", "2024-03-14T10:32:00+01:00", null)]
    // Blogger: the day in a date header over the post, the instant in the footer's <abbr class="published" title=…>; another day's is no clock.
    [InlineData("el", """<div class="blog-posts"><h2 class="date-header"><span>Πέμπτη, 14 Μαρτίου 2024</span></h2><div class="post hentry"><h3 class="post-title entry-title">Περίπατος στα Ζαγοροχώρια</h3><div class="post-body entry-content">""" + Text + """</div><div class="post-footer">Αναρτήθηκε στις <abbr class="published" title="2024-03-14T10:32:00+02:00">10:32 π.μ.</abbr></div></div></div>""", "2024-03-14T10:32:00+02:00", null)]
    [InlineData("el", """<div class="blog-posts"><h2 class="date-header"><span>Πέμπτη, 14 Μαρτίου 2024</span></h2><div class="post hentry"><h3 class="post-title entry-title">Περίπατος στα Ζαγοροχώρια</h3><div class="post-body entry-content">""" + Text + """</div><div class="post-footer">Αναρτήθηκε στις <abbr class="published" title="2024-03-15T10:32:00+02:00">10:32 π.μ.</abbr></div></div></div>""", "2024-03-14", null)]
    // A box of coming events just above the headline is no dateline: the date under the text is the post's.
    [InlineData("de", """<div class="termine"><h3>Unsere Termine</h3><ul><li>23.03.2024 Arbeitseinsatz</li><li>01.06.2024 Sommerfest</li></ul></div><h1>Neuer Vorstand gewählt</h1>""" + Text + """<p class="klein">Eingestellt am 14.03.2024</p>""", "2024-03-14", null)]
    // A sibling that holds a date of its own, or a label between, is no clock of the first date.
    [InlineData("de", """<article><h1>Stadtrat beschließt Haushalt</h1><div class="meta"><span class="date">14.03.2024</span> Aktualisiert <span class="time">16:05</span></div>""" + Text + "</article>", "2024-03-14", null)]
    public void ReadsDatelinesAsPagesWriteThem(string lang, string article, string? published, string? modified)
    {
        var result = ExtractPage(lang, article);
        Assert.Equal(published, result.Published);
        Assert.Equal(modified, result.Modified);
    }

    private const string Plain = "<article><h1>Council agrees budget</h1>" + Text + "</article>";

    [Theory]
    // The last change labelled before the publication, in the words institutions' and regional sites' CMSs use: the
    // update is the modified date, the publication the published one.
    [InlineData("de", "Änderungsdatum: 20.03.2024 · Erstellungsdatum: 14.03.2024")]
    [InlineData("de", "<dl><dt>Aktualisierungsdatum</dt><dd>20.03.2024</dd><dt>Veröffentlichungsdatum</dt><dd>14.03.2024</dd></dl>")]
    [InlineData("sv", "Senast ändrad 20 mars 2024 · Publiceringsdatum 14 mars 2024")]
    [InlineData("nb", "Sist endret 20.03.2024 | Publisert 14.03.2024")]
    [InlineData("da", "Sidst ændret: 20. marts 2024 · Udgivelsesdato: 14. marts 2024")]
    [InlineData("tr", "Güncellenme Tarihi: 20.03.2024 - Oluşturulma Tarihi: 14.03.2024")]
    [InlineData("pt", "Modificado em 20/03/2024 | Data de publicação: 14/03/2024")]
    [InlineData("it", "Modificato il 20/03/2024 | Pubblicato il 14/03/2024")]
    [InlineData("cs", "Upraveno 20. 3. 2024 · Vloženo 14. 3. 2024")]
    [InlineData("cs", "Datum poslední změny: 20. 3. 2024 | Datum zveřejnění: 14. 3. 2024")]
    [InlineData("sk", "Dátum poslednej zmeny: 20. 3. 2024 | Dátum zverejnenia: 14. 3. 2024")]
    [InlineData("pl", "Zmodyfikowano: 20.03.2024 · Dodano: 14.03.2024")]
    [InlineData("hu", "Módosítva: 2024. március 20. · Közzétéve: 2024. március 14.")]
    [InlineData("nl", "Wijzigingsdatum: 20-03-2024 | Publicatiedatum: 14-03-2024")]
    [InlineData("fi", "Muokattu 20.3.2024 | Julkaisupäivä 14.3.2024")]
    [InlineData("hr", "Izmijenjeno: 20.03.2024. · Objavljeno: 14.03.2024.")]
    [InlineData("pl", "Data modyfikacji: 20.03.2024, 12:05 · Data dodania: 14.03.2024, 10:32")]
    [InlineData("es", "Última modificación: 20/03/2024 12:05 · Creado: 14/03/2024 10:32")]
    [InlineData("ca", "Actualitzat: 20/03/2024 · Publicat: 14/03/2024")]
    [InlineData("eu", "Eguneratua: 2024ko martxoaren 20a · Argitaratua: 2024ko martxoaren 14a")]
    [InlineData("it", "Ultima modifica: 20/03/2024 · Data di pubblicazione: 14/03/2024")]
    // Joomla 4: each label inside its own <time>, the update's first.
    [InlineData("de", """<dl class="article-info"><dd class="modified"><time datetime="2024-03-20">Zuletzt aktualisiert: 20. März 2024</time></dd><dd class="published"><time datetime="2024-03-14">Veröffentlicht: 14. März 2024</time></dd></dl>""")]
    public void AnUpdateLabelledBeforeThePublicationIsTheModifiedDate(string lang, string meta)
    {
        var result = ExtractPage(lang, $"""<div class="article"><h1 class="title">Council agrees budget</h1><div class="meta">{meta}</div>{Text}</div>""");
        Assert.StartsWith("2024-03-14", result.Published);
        Assert.StartsWith("2024-03-20", result.Modified);
    }

    [Fact]
    public void ACreationWordInASentenceLabelsNoDate()
    {
        // "creado" labels a date only right before it ("Creado: 14/03/2024"), not in prose.
        var result = ExtractPage("es", $"""<div class="article"><h1 class="title">Council agrees budget</h1><div class="meta">El fondo creado el 3 de mayo de 2020 · Publicado: 14/03/2024</div>{Text}</div>""");
        Assert.Equal("2024-03-14", result.Published);
    }

    [Fact]
    public void APostContainerMarkedPublishedDatesNothingByItsText()
    {
        // WordPress marks every post "status-publish": the first date of its text is a sentence's (an event's), while the
        // URL files the post under its day.
        var result = ExtractPage("de", """<article class="post type-post status-publish format-standard hentry"><header class="entry-header"><h1 class="entry-title">Warum wir den Meeresschutz brauchen</h1></header><div class="entry-content"><p>Am 22. März 2024 treffen sich die Umweltminister in Brüssel. Wir fordern ein verbindliches Schutzziel.</p></div></article>""",
            url: "https://www.example.org/2024/03/14/meeresschutz/");
        Assert.Equal("2024-03-14", result.Published);
    }

    [Theory]
    [InlineData("""<meta name="DC.date.issued" content="2022-05-03">""", "2022-05-03")]
    [InlineData("""<meta name="dcterms.created" content="2022-05-03">""", "2022-05-03")]
    [InlineData("""<meta property="og:article:published_time" content="2022-05-03T10:30:00+02:00">""", "2022-05-03T10:30:00+02:00")]
    [InlineData("""<meta name="publish-date" content="2022-05-03">""", "2022-05-03")]
    [InlineData("""<meta name="citation_publication_date" content="2022/05/03">""", "2022-05-03")]
    [InlineData("""<meta name="OriginalPublicationDate" content="2022/05/03 10:30:00">""", "2022-05-03T10:30:00+00:00")]
    [InlineData("""<meta name="dc.date.published" content="2022-05-03">""", "2022-05-03")]
    [InlineData("""<meta name="article:post_date" content="2022-05-03">""", "2022-05-03")]
    [InlineData("""<meta name="prism.publicationDate" content="2022-05-03">""", "2022-05-03")]
    [InlineData("""<meta name="Date" content="03/05/2022">""", "2022-05-03")]
    [InlineData("""<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example"},{"@type":"WebPage","datePublished":"2022-05-01T08:00:00+00:00"},{"@type":"Article","datePublished":"2022-05-03T10:30:00+00:00"}]}</script>""", "2022-05-03T10:30:00+00:00")]
    [InlineData("""<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":["NewsArticle","Article"],"datePublished":["2022-05-03T10:30:00Z"]}]</script>""", "2022-05-03T10:30:00+00:00")]
    [InlineData("""<script type="application/ld+json">{"@type":"BlogPosting","dateCreated":"2022-05-03T10:30:00Z"}</script>""", "2022-05-03T10:30:00+00:00")]
    [InlineData("""<script type="application/ld+json">{"@type":"WebPage","datePublished":"2022-05-03"}</script>""", "2022-05-03")]
    // An article object without dates in a @graph whose WebPage node carries them; a live blog dated by its coverage's
    // start; a Unix time as a JSON-LD number.
    [InlineData("""<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Budget","isPartOf":{"@id":"#page"}},{"@type":"WebPage","@id":"#page","datePublished":"2022-05-03T10:30:00+00:00"}]}</script>""", "2022-05-03T10:30:00+00:00")]
    [InlineData("""<script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"Budget","coverageStartTime":"2022-05-03T10:30:00+02:00","liveBlogUpdate":[{"@type":"BlogPosting","datePublished":"2022-05-04T21:00:00+02:00"}]}</script>""", "2022-05-03T10:30:00+02:00")]
    [InlineData("""<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget","datePublished":1651566600}</script>""", "2022-05-03T08:30:00+00:00")]
    // Two article objects naming no page: the one whose headline the page's title gives, wherever it stands.
    [InlineData("""<meta property="og:title" content="Council agrees budget for the schools"><script type="application/ld+json">[{"@type":"NewsArticle","headline":"Another story about the harbour","datePublished":"2022-04-20T10:00:00Z"},{"@type":"NewsArticle","headline":"Council agrees budget for the schools","datePublished":"2022-05-03T10:30:00Z"}]</script>""", "2022-05-03T10:30:00+00:00")]
    // A feed item kept in a script, for a page nothing else dates.
    [InlineData("""<script type="text/xml"><rss><channel><item><title>Budget</title><pubDate>Tue, 03 May 2022 10:30:00 +0200</pubDate></item></channel></rss></script>""", "2022-05-03T10:30:00+02:00")]
    [InlineData("""<script type="application/ld+json">{"@type":"VideoObject","name":"Budget","uploadDate":"2022-05-03T10:30:00Z"}</script>""", "2022-05-03T10:30:00+00:00")]
    // Korean portals' og:regDate as a compact stamp; a Chinese share tag's creation time, for a page nothing else dates.
    [InlineData("""<meta property="og:regDate" content="20220503103000">""", "2022-05-03T10:30:00+00:00")]
    [InlineData("""<meta name="weibo: article:create_at" content="2022-05-03 10:30:00">""", "2022-05-03T10:30:00+00:00")]
    public void ReadsTheMetadataNamesCmssUse(string head, string expected)
    {
        Assert.Equal(expected, ExtractPage("fr", Plain, head).Published);
    }

    [Theory]
    [InlineData("https://www.example.org/2022/05/03/council-budget/", "2022-05-03")]
    [InlineData("https://www.example.org/news/council-budget-20220503.html", "2022-05-03")]
    [InlineData("https://www.example.org/a/20220503-council-budget", "2022-05-03")]
    [InlineData("https://www.example.org/news/2022-05-03/council-budget", "2022-05-03")]
    [InlineData("https://www.example.org/news/2022/05/council-budget", null)]
    [InlineData("https://news.example.cn/2022-05/03/c_1130077391.htm", "2022-05-03")]
    [InlineData("http://finance.example.cn/n1/2022/0503/c1004-40179577.html", "2022-05-03")]
    [InlineData("https://www.example.org/shop/2022/1234/item", null)]
    public void ReadsDatesInUrlPaths(string url, string? expected)
    {
        Assert.Equal(expected, ExtractPage("en", Plain, url: url).Published);
    }

    [Theory]
    // An English page without a region reads ambiguous numerics by its country: the TLD, or og:locale.
    [InlineData("en", "", "https://www.example.co.uk/news/story", "2022-05-04")]
    [InlineData("en", """<meta property="og:locale" content="en_GB">""", "https://www.example.com/news/story", "2022-05-04")]
    [InlineData("en", "", "https://www.example.com/news/story", "2022-04-05")]
    [InlineData("en-US", "", "https://www.example.co.uk/news/story", "2022-04-05")]
    public void ReadsNumericDayMonthOrderByThePagesCountry(string lang, string head, string url, string expected)
    {
        Assert.Equal(expected, ExtractPage(lang, """<article><h1>Council agrees budget</h1><div class="date">04/05/2022</div>""" + Text + "</article>", head, url).Published);
    }

    [Theory]
    // Only furniture dates: the masthead's today, the sidebar, comments, the copyright line.
    [InlineData(Plain)]
    // An event's date in the text of an undated announcement.
    [InlineData("""<article><h1>Summer festival in the park</h1><p>The festival takes place on June 12, 2022 and starts at 2 pm, with music, food stands and games for children of all ages.</p></article>""")]
    // An event's date in an info box whose label stands in the cell before it.
    [InlineData("""<article><h1>Vortrag in der Aula</h1><dl class="info"><dt>Termin</dt><dd>18.05.2022, 19:00 Uhr</dd><dt>Ort</dt><dd>Aula der Universität</dd></dl><p>Die Professorin spricht über die Geschichte der Stadt und ihre Brücken.</p></article>""")]
    [InlineData("""<article><h1>Konzert in der Stadthalle</h1><dl class="termin"><dt>Wann:</dt><dd>Mittwoch, 18.05.2022, 19 Uhr</dd><dt>Wo:</dt><dd>Stadthalle</dd></dl><p>Das Orchester spielt Werke von Mozart und Haydn.</p></article>""")]
    public void DatesOfOtherThingsAreNotThePagesDate(string article)
    {
        Assert.Null(ExtractPage("de", article).Published);
    }

    [Theory]
    [InlineData(2025, 3, 9, 1, false)]
    [InlineData(2025, 3, 9, 2, true)]
    [InlineData(2025, 7, 1, 12, true)]
    [InlineData(2025, 11, 2, 1, true)]
    [InlineData(2025, 11, 2, 2, false)]
    [InlineData(2024, 3, 10, 3, true)]
    [InlineData(2024, 12, 24, 12, false)]
    public void KnowsUsDaylightTime(int year, int month, int day, int hour, bool expected) =>
        Assert.Equal(expected, Gleaner.Extraction.Metadata.DateParser.InUsSummerTime(year, month, day, hour));
}
