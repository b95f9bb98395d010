using Gleaner.Formats;

namespace Gleaner.Tests.Formats;

public class RecordFormatTests
{
    private static Article Sample() => new()
    {
        Title = "Rain expected across the north",
        Published = "2024-03-01T08:15:00+01:00",
        Modified = "2024-03-01T09:00:00+01:00",
        Section = "weather",
        Tags = ["rain", "forecast"],
        Image = "https://example.com/img/rain.jpg",
        Description = "Forecasters expect heavy rain on Monday.",
        Text = "It will rain on Monday.\nBring an umbrella.\n\"Stay dry,\" they said.",
    };

    [Fact]
    public void WritesTheSeedLayout()
    {
        var text = RecordFormat.Format(Sample());
        Assert.Equal(
            "Rain expected across the north\nRain expected across the north\nRain expected across the north\n" +
            "2024-03-01T08:15:00+01:00\n2024-03-01T09:00:00+01:00\nweather\nrain\nforecast\n" +
            "https://example.com/img/rain.jpg\nForecasters expect heavy rain on Monday.\nRain expected across the north\n\n" +
            "It will rain on Monday.\nBring an umbrella.\n\"Stay dry,\" they said.\n",
            text);
    }

    [Fact]
    public void RoundTripsTheFieldsTheLayoutHolds()
    {
        var original = Sample();
        var read = RecordFormat.Parse(RecordFormat.Format(original));
        Assert.Equal(original.Title, read.Title);
        Assert.Equal(original.Published, read.Published);
        Assert.Equal(original.Modified, read.Modified);
        Assert.Equal(original.Section, read.Section);
        Assert.Equal(original.Tags, read.Tags);
        Assert.Equal(original.Image, read.Image);
        Assert.Equal(original.Description, read.Description);
        Assert.Equal(original.Text, read.Text);
    }

    [Fact]
    public void RoundTripsARecordWithoutImageTagsOrDates()
    {
        var original = new Article { Title = "Short", Text = "One paragraph." };
        var text = RecordFormat.Format(original);
        var read = RecordFormat.Parse(text);
        Assert.Equal("Short", read.Title);
        Assert.Null(read.Published);
        Assert.Null(read.Modified);
        Assert.Null(read.Section);
        Assert.Empty(read.Tags);
        Assert.Null(read.Image);
        Assert.Null(read.Description);
        Assert.Equal("One paragraph.", read.Text);
    }

    [Fact]
    public void MultiLineFieldsAreWrittenOnOneLine()
    {
        var article = new Article { Title = "Two\nlines", Description = "First block.\r\nSecond block.", Text = "Body." };
        var read = RecordFormat.Parse(RecordFormat.Format(article));
        Assert.Equal("Two lines", read.Title);
        Assert.Equal("First block.  Second block.", read.Description);
    }

    [Fact]
    public void ATagThatLooksLikeTheImageLineIsLeftOut()
    {
        var article = new Article { Title = "T", Section = "world", Tags = ["https://example.com/tag", "europe"], Text = "Body." };
        var read = RecordFormat.Parse(RecordFormat.Format(article));
        Assert.Equal("world", read.Section);
        Assert.Equal(["europe"], read.Tags);
    }

    [Fact]
    public void NormalisesDatesWithCompactOffsets()
    {
        var record = "T\nT\nT\n2021-09-27T19:52+0000\n2021-09-27\n\n\nT\n\nBody.\n";
        var read = RecordFormat.Parse(record);
        Assert.Equal("2021-09-27T19:52:00+00:00", read.Published);
        Assert.Equal("2021-09-27", read.Modified);
    }

    [Fact]
    public void TheRepeatedHeadlineIsTheTitleAndTheFirstHeadlineLineIsTheFallback()
    {
        Assert.Equal("Chosen", RecordFormat.Parse("Page title\nSocial title\nH1\n\n\n\n\nChosen\n\nBody.\n").Title);
        Assert.Equal("Social title", RecordFormat.Parse("\nSocial title\nH1\n\n\n\n\n\n\nBody.\n").Title);
    }

    [Fact]
    public void ReadsCarriageReturnLineEndings()
    {
        var read = RecordFormat.Parse("T\r\nT\r\nT\r\n\r\n\r\nnews\r\n\r\nD\r\nT\r\n\r\nOne.\r\nTwo.\r\n");
        Assert.Equal("news", read.Section);
        Assert.Equal("One.\nTwo.", read.Text);
    }

    [Theory]
    [InlineData("T\nT\nT\n", 4, "ends after 3 line")]
    [InlineData("T\nT\nT\nyesterday\n\n\nD\nT\n\nBody.\n", 4, "published date 'yesterday'")]
    [InlineData("T\nT\nT\n\nnot a date\n\nD\nT\n\nBody.\n", 5, "modified date")]
    [InlineData("T\nT\nT\n\n\nnews\ntag\n", 8, "no lead image line")]
    [InlineData("T\nT\nT\n\n\nnews\n\n", 8, "before the description")]
    [InlineData("T\nT\nT\n\n\nnews\n\nD\nT\nBody without the empty line.\n", 10, "expected an empty line")]
    public void ABadRecordIsReportedWithFileAndLine(string record, int line, string reason)
    {
        var error = Assert.Throws<RecordFormatException>(() => RecordFormat.Parse(record, "bad.txt"));
        Assert.Equal("bad.txt", error.InputName);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Message);
        Assert.StartsWith($"bad.txt:{line}: ", error.Message);
    }

    [Fact]
    public void ReadsSeveralRecordsSeparatedByFormFeedsAndSkipsABadOne()
    {
        var good = RecordFormat.Format(Sample());
        var stream = good + RecordFormat.Separator + "\n" + "T\nT\nT\nnot a date\n\n\nD\nT\n\nBody.\n" + RecordFormat.Separator + "\n" + good + RecordFormat.Separator + "\n";
        var reader = new RecordReader(new StringReader(stream), "many.txt");

        Assert.Equal(Sample().Title, reader.Read()!.Title);
        var error = Assert.Throws<RecordFormatException>(() => reader.Read());
        Assert.Equal(good.Split('\n').Length + 4, error.Line);
        Assert.Equal(Sample().Text, reader.Read()!.Text);
        Assert.Null(reader.Read());
    }

    [Fact]
    public void FileNamesAreStableAndDistinct()
    {
        var a = new Article { Url = "https://example.com/a", Title = "Harbour", Text = "The bridge." };
        var b = new Article { Url = "https://example.com/b", Title = "Harbour", Text = "The ferry." };
        Assert.Equal(RecordFormat.FileName(0, a), RecordFormat.FileName(0, a));
        Assert.NotEqual(RecordFormat.FileName(0, a), RecordFormat.FileName(0, b));
        Assert.Matches("^007_[0-9a-f]{16}\\.txt$", RecordFormat.FileName(7, a));
        // The name comes from what the file holds, not the URL it has no place for: the same record read back keeps it.
        Assert.Equal(RecordFormat.FileName(0, a), RecordFormat.FileName(0, new Article { Url = "urn:gleaner:record:1", Title = "Harbour", Text = "The bridge." }));
    }

    [SeedFact]
    public void ReadsTheSeedRecord()
    {
        var path = SeedFactAttribute.SeedPath;
        var article = RecordFormat.Parse(File.ReadAllText(path), path);

        Assert.Equal("US Ready to Meet With North Korea Without Preconditions, State Dept. Says", article.Title);
        Assert.Equal("2021-09-27T19:52:00+00:00", article.Published);
        Assert.Equal("2021-09-27T19:51:00+00:00", article.Modified);
        Assert.Equal("asia & pacific", article.Section);
        Assert.Equal(["north korea", "denuclearization", "missile launches", "korean peninsula"], article.Tags);
        Assert.StartsWith("https://cdnn1.img.sputniknews.com/", article.Image);
        Assert.StartsWith("Earlier in September", article.Description);
        Assert.StartsWith("19:52 GMT 27.09.2021\n", article.Text);
        Assert.Contains("without preconditions", article.Text);

        // Writing it back and reading again changes nothing the layout holds.
        var again = RecordFormat.Parse(RecordFormat.Format(article));
        Assert.Equal(article.Text, again.Text);
        Assert.Equal(article.Tags, again.Tags);
        Assert.Equal(article.Published, again.Published);
    }
}
