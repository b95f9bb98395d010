using Gleaner.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Gleaner.Tests.Storage;

public class Fts5PrefixWordsTests
{
    [Fact]
    public async Task RemembersABoundedNumberOfPrefixesAndStillSpellsThemOut()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE articles_fts USING fts5(text); "
                + "INSERT INTO articles_fts(text) VALUES ('present presence president'), ('other words');";
            await create.ExecuteNonQueryAsync();
        }
        var prefixes = new Fts5PrefixWords(connection);

        // A server reads prefixes from anyone: more distinct ones than it remembers must not grow the cache without end.
        for (var i = 0; i < Fts5PrefixWords.MaxRemembered + 50; i++)
            await prefixes.ExpandAsync($"\"zz{i}\" *", CancellationToken.None);
        Assert.True(prefixes.Remembered <= Fts5PrefixWords.MaxRemembered, $"{prefixes.Remembered} prefixes remembered");

        var match = await prefixes.ExpandAsync("\"pres\" *", CancellationToken.None);
        Assert.Equal("(\"presence\" OR \"present\" OR \"president\")", match.Expression);
    }
}
