namespace Gleaner.Extraction.Metadata;

internal static partial class DateParser
{
    // Written out from the month tables (MonthAlternationOfTables, MonthStartOfTables) so the date patterns can be
    // source-generated; a test fails, printing this file's new text, when a table changes and this does not.

    internal const string MonthAlternation =
        @"augusztus|augustus|aprilie|aprīlis|ağustos|agustos|augusti|augusta|avgusta|agustus|augusts|augustā|aprile|apríla|aprila|aprill|aprīlī|aprīļa|august|agosto|avgust|aralık|aralik|april|avril|abril|apríl|agost|août|aout|apr|avr|abr|aug|ago|" +
        @"balandžio|birželio|března|březen|" +
        @"czerwiec|czerwca|" +
        @"diciembre|decembrie|detsember|decembris|december|dezember|décembre|decembre|dezembro|dicembre|desember|decembra|decembar|desembre|disember|decembrī|decembro|dubna|duben|dec|dez|déc|dic|" +
        @"elokuuta|elokuu|enero|eylül|eylul|ekim|ene|" +
        @"fevereiro|februarie|februarja|februāris|february|febbraio|februari|februára|februara|februārī|februāra|febreiro|februar|février|fevrier|febrero|február|febrúar|febrer|févr|fevr|febr|feb|fev|" +
        @"grudzień|gruodžio|gennaio|gegužės|grudnia|giugno|gener|gen|giu|" +
        @"helmikuuta|huhtikuuta|heinäkuuta|helmikuu|huhtikuu|heinäkuu|haziran|" +
        @"ianuarie|iunie|iulie|ian|iun|iul|" +
        @"joulukuuta|januarja|janvāris|joulukuu|january|janvier|janeiro|januari|januára|januara|jaanuar|janvārī|janvāra|juillet|januar|jänner|január|janúar|június|junija|jūnijs|jūnijā|jūnija|július|julija|juliol|jūlijs|jūlijā|jūlija|junio|junho|juuni|junij|julio|julho|juuli|julij|janv|june|juni|juin|júna|juna|juny|júní|july|juli|juil|júla|jula|júlí|jan|jun|jún|jul|júl|" +
        @"kesäkuuta|kwietnia|kwiecień|kolovoza|kesäkuu|května|květen|kasım|kasim|kovo|" +
        @"lokakuuta|listopada|listopadu|lapkričio|listopad|lokakuu|lutego|lipnja|luglio|lipiec|liepos|ledna|leden|lipca|luty|lug|" +
        @"maaliskuuta|marraskuuta|maaliskuu|marraskuu|március|marzec|martie|maggio|march|maerz|marzo|março|marco|maart|marca|marts|marta|maret|märts|martā|marec|mayıs|mayis|május|maijs|maijā|maija|märz|mars|mart|márc|març|mayo|maio|maja|mája|maig|mar|mär|mac|may|mai|mag|mei|maj|máj|maí|" +
        @"noviembre|noiembrie|novembris|november|novembre|novembro|novembra|novembar|nóvember|novembrī|nisan|nov|" +
        @"octombrie|oktoober|oktobris|october|oktober|octobre|octubre|outubro|ottobre|október|októbra|oktobra|oktobar|oktobrī|ožujka|ocak|ogos|oct|okt|out|ott|" +
        @"października|październik|prosince|prosinec|prosinca|" +
        @"rugpjūčio|rugsėjo|rujna|" +
        @"septiembre|septembrie|szeptember|septembris|september|septembre|setiembre|settembre|syyskuuta|septembra|septembar|septembrī|studenoga|stycznia|siječnja|sierpnia|sierpień|setembro|setembre|studenog|styczeń|svibnja|syyskuu|sausio|srpnja|spalio|subat|srpna|srpen|szept|sept|sep|set|" +
        @"tammikuuta|toukokuuta|tammikuu|toukokuu|travnja|temmuz|" +
        @"veebruar|veljače|vasario|" +
        @"września|wrzesień|" +
        @"xaneiro|xullo|xuño|" +
        @"září|" +
        @"április|ágúst|ápr|" +
        @"února|únor|" +
        @"července|červenec|června|červen|" +
        @"října|říjen|" +
        @"şubat|" +
        @"αυγούστου|αυγουστου|αύγουστος|αυγουστοσ|απριλίου|απριλιου|απρίλιος|απριλιοσ|απρ|αυγ|" +
        @"δεκεμβρίου|δεκεμβριου|δεκέμβριος|δεκεμβριοσ|δεκ|" +
        @"ιανουαρίου|ιανουαριου|ιανουάριος|ιανουαριοσ|ιουνίου|ιουνιου|ιούνιος|ιουνιοσ|ιουλίου|ιουλιου|ιούλιος|ιουλιοσ|ιουν|ιουλ|ιαν|" +
        @"μαρτίου|μαρτιου|μάρτιος|μαρτιοσ|μαΐου|μαιου|μαϊου|μάιος|μαιοσ|μαρ|μαΐ|μαι|μαϊ|" +
        @"νοεμβρίου|νοεμβριου|νοέμβριος|νοεμβριοσ|νοεμ|νοε|" +
        @"οκτωβρίου|οκτωβριου|οκτώβριος|οκτωβριοσ|οκτ|" +
        @"σεπτεμβρίου|σεπτεμβριου|σεπτέμβριος|σεπτεμβριοσ|σεπτ|σεπ|" +
        @"φεβρουαρίου|φεβρουαριου|φεβρουάριος|φεβρουαριοσ|φεβ|" +
        @"августа|апреля|апрель|априла|август|април|апр|авг|" +
        @"березня|" +
        @"вересня|" +
        @"грудня|" +
        @"децембар|децембра|декември|декабря|декабрь|дек|" +
        @"жовтня|" +
        @"июня|июнь|июля|июль|июн|июл|" +
        @"квітня|" +
        @"листопада|лютого|липня|" +
        @"марта|март|маја|мар|мая|май|мај|" +
        @"новембар|новембра|ноември|ноября|ноябрь|ноя|" +
        @"октомври|октября|октябрь|октобар|октобра|окт|" +
        @"септембар|септембра|септември|сентября|сентябрь|серпня|січня|сент|сен|" +
        @"травня|" +
        @"фебруара|февруари|февраля|февраль|фебруар|фев|" +
        @"червня|" +
        @"юни|юли|" +
        @"января|январь|януари|янв|" +
        @"јануара|јануар|јуна|јула|јун|јул|" +
        @"אוקטובר|אוגוסט|אפריל|" +
        @"באוקטובר|בפברואר|באוגוסט|בספטמבר|בנובמבר|בינואר|באפריל|בדצמבר|ביוני|ביולי|במרץ|במאי|" +
        @"דצמבר|" +
        @"ינואר|יוני|יולי|" +
        @"מרץ|מאי|" +
        @"נובמבר|" +
        @"ספטמבר|" +
        @"פברואר|" +
        @"آوریل|آذار|آبان|آذر|آب|" +
        @"أكتوبر|أبريل|أغسطس|أيلول|أيار|" +
        @"إبريل|" +
        @"اردیبهشت|اكتوبر|ابريل|اغسطس|اکتبر|اسفند|اوت|" +
        @"بهمن|" +
        @"تشرين\ الثاني|تشرين\ الأول|تموز|تیر|" +
        @"حزيران|" +
        @"خرداد|" +
        @"ديسمبر|دسامبر|دی|" +
        @"سپتامبر|سبتمبر|" +
        @"شهریور|شباط|" +
        @"فروردین|فبراير|فوریه|" +
        @"كانون\ الثاني|كانون\ الأول|" +
        @"مرداد|مارس|مايو|مهر|مه|" +
        @"نوفمبر|نوامبر|نيسان|" +
        @"يناير|يونيو|يونيه|يوليو|يوليه|" +
        @"ژانویه|ژوئیه|ژوئن|" +
        @"अक्टूबर|अप्रैल|अगस्त|" +
        @"जनवरी|जुलाई|जून|" +
        @"दिसम्बर|दिसंबर|" +
        @"नवम्बर|नवंबर|" +
        @"फ़रवरी|फरवरी|" +
        @"मार्च|मई|" +
        @"सितम्बर|सितंबर|" +
        @"กุมภาพันธ์|กรกฎาคม|กันยายน|ก\.พ|ก\.ค|ก\.ย|" +
        @"ตุลาคม|ต\.ค|" +
        @"ธันวาคม|ธ\.ค|" +
        @"พฤศจิกายน|พฤษภาคม|พ\.ค|พ\.ย|" +
        @"มิถุนายน|มกราคม|มีนาคม|มี\.ค|มิ\.ย|ม\.ค|" +
        @"สิงหาคม|ส\.ค|" +
        @"เมษายน|เม\.ย";

    internal const string MonthStart = @"(?=[jegsloясitιјيكיבजژxมfúşфлhφvفشפफกmbмбμمآמमkadnакáαأاإنאअเтพcčичюحتrสwzвσسסसpřожοตнνנनдгδدדदธخب])";
}
