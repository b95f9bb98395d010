using Gleaner.Storage;

namespace Gleaner.Cli.Tests;

/// <summary>What a command left in a store, read back through the library: the stored records' URLs.</summary>
internal static class StoredUrls
{
    public static async Task<List<string>> OfAsync(string store)
    {
        await using var opened = await ArticleStores.OpenAsync(store, new StoreOptions { CreateIfMissing = false });
        var urls = new List<string>();
        await foreach (var record in opened.ExportAsync(ArticleFilter.None))
            urls.Add(record.Article.Url!);
        return urls;
    }
}
