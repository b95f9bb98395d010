namespace Gleaner.Storage;

/// <summary>The store's own tables, version by version, in both dialects. Never edit a released version: add one.</summary>
internal static class StoreSchema
{
    public const string Component = "store";

    public static readonly IReadOnlyList<SchemaMigration> Migrations =
    [
        new(1, Sqlite: """
            CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                url TEXT NOT NULL UNIQUE,
                source_domain TEXT,
                site_name TEXT,
                title TEXT,
                description TEXT,
                text TEXT,
                authors TEXT NOT NULL DEFAULT '[]',
                published TEXT,
                published_at INTEGER,
                modified TEXT,
                language TEXT,
                image TEXT,
                section TEXT,
                tags TEXT NOT NULL DEFAULT '[]',
                fetched TEXT,
                first_seen TEXT NOT NULL,
                last_saved TEXT NOT NULL,
                signature BLOB,
                story_id INTEGER
            );
            CREATE INDEX articles_published_at ON articles(published_at);
            CREATE INDEX articles_source_domain ON articles(source_domain);
            CREATE INDEX articles_language ON articles(language);
            CREATE INDEX articles_story ON articles(story_id);

            -- LSH band keys of each record's MinHash signature: records sharing a key are candidate copies.
            CREATE TABLE story_bands (
                band_key INTEGER NOT NULL,
                article_id INTEGER NOT NULL,
                PRIMARY KEY (band_key, article_id)
            ) WITHOUT ROWID;

            CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, description, text,
                content = 'articles', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2'
            );
            """ + SqliteFtsTriggers, PostgreSql: """
            CREATE TABLE articles (
                id bigserial PRIMARY KEY,
                url text NOT NULL UNIQUE,
                source_domain text,
                site_name text,
                title text,
                description text,
                text text,
                authors text[] NOT NULL DEFAULT '{}',
                published text,
                published_at timestamptz,
                modified text,
                language text,
                image text,
                section text,
                tags text[] NOT NULL DEFAULT '{}',
                fetched text,
                first_seen timestamptz NOT NULL,
                last_saved timestamptz NOT NULL,
                signature bytea,
                story_id bigint,
                -- The text-search configuration chosen from the record's language (english, german, ..., simple).
                ts_config regconfig NOT NULL,
                search tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector(ts_config, coalesce(title, '')), 'A')
                    || setweight(to_tsvector(ts_config, coalesce(description, '')), 'B')
                    || setweight(to_tsvector(ts_config, coalesce(text, '')), 'C')) STORED
            );
            CREATE INDEX articles_published_at ON articles(published_at);
            CREATE INDEX articles_source_domain ON articles(source_domain);
            CREATE INDEX articles_language ON articles(language);
            CREATE INDEX articles_story ON articles(story_id);
            CREATE INDEX articles_search ON articles USING gin(search);

            -- LSH band keys of each record's MinHash signature: records sharing a key are candidate copies.
            CREATE TABLE story_bands (
                band_key bigint NOT NULL,
                article_id bigint NOT NULL,
                PRIMARY KEY (band_key, article_id)
            );

            -- The configurations records use, so a search translates the query once for each of them only.
            CREATE TABLE search_configs (config regconfig PRIMARY KEY);
            """),

        // SQLite stores a row's columns in order and moves what does not fit a page to overflow pages: with the
        // signature and the filter columns after ~5 KB of text, every copy lookup and every filter read the text's
        // overflow chain. Signatures move to a table of their own (with the story, which the copy lookup needs), and
        // the articles table is rebuilt with the columns filters and sorting read first and the text last.
        // PostgreSQL keeps long text out of line (TOAST) already: nothing changes there.
        new(2, Sqlite: """
            CREATE TABLE story_signatures (
                article_id INTEGER PRIMARY KEY,
                story_id INTEGER NOT NULL,
                signature BLOB NOT NULL
            );
            INSERT INTO story_signatures (article_id, story_id, signature)
                SELECT id, coalesce(story_id, id), signature FROM articles WHERE signature IS NOT NULL;

            CREATE TABLE articles_v2 (
                id INTEGER PRIMARY KEY,
                published_at INTEGER,
                story_id INTEGER,
                url TEXT NOT NULL UNIQUE,
                source_domain TEXT,
                language TEXT,
                section TEXT,
                tags TEXT NOT NULL DEFAULT '[]',
                authors TEXT NOT NULL DEFAULT '[]',
                site_name TEXT,
                published TEXT,
                modified TEXT,
                fetched TEXT,
                first_seen TEXT NOT NULL,
                last_saved TEXT NOT NULL,
                image TEXT,
                title TEXT,
                description TEXT,
                text TEXT
            );
            INSERT INTO articles_v2 (id, published_at, story_id, url, source_domain, language, section, tags, authors, site_name,
                    published, modified, fetched, first_seen, last_saved, image, title, description, text)
                SELECT id, published_at, coalesce(story_id, id), url, source_domain, language, section, tags, authors, site_name,
                    published, modified, fetched, first_seen, last_saved, image, title, description, text
                FROM articles ORDER BY id;
            -- The FTS5 index keeps its rows: it is keyed by the article ids, which the copy keeps.
            DROP TABLE articles;
            ALTER TABLE articles_v2 RENAME TO articles;
            CREATE INDEX articles_published_at ON articles(published_at);
            CREATE INDEX articles_source_domain ON articles(source_domain);
            CREATE INDEX articles_language ON articles(language);
            CREATE INDEX articles_story ON articles(story_id);
            """ + SqliteFtsTriggers, PostgreSql: "SELECT 1 -- nothing to change: PostgreSQL keeps long text out of line (TOAST)"),

        // The address a page declared for itself on another site than the one it was fetched from: kept beside
        // the record, never its key. Mostly empty, so in SQLite it may sit after the text.
        new(3, Sqlite: "ALTER TABLE articles ADD COLUMN canonical_url TEXT", PostgreSql: "ALTER TABLE articles ADD COLUMN canonical_url text"),

        // Other addresses of a stored page: the same text found at another URL of the host without a canonical to say
        // so (a trailing slash, a ?p=N link). One row per address; a lookup by an alias finds the record.
        new(4, Sqlite: """
            CREATE TABLE article_aliases (url TEXT PRIMARY KEY, article_id INTEGER NOT NULL);
            CREATE INDEX article_aliases_article ON article_aliases(article_id);
            """, PostgreSql: """
            CREATE TABLE article_aliases (url text PRIMARY KEY, article_id bigint NOT NULL);
            CREATE INDEX article_aliases_article ON article_aliases(article_id);
            """),

        // A search's site filter (the domain, its subdomains, or the site name in any case) through indexes, so a common
        // word with a site reads the site's rows instead of every match's (SqliteArticleStore.SiteIdsAsync): the site
        // name as the filter compares it, and each domain under the domain it is a subdomain of (www.example.com under
        // example.com), which finds a domain's subdomains level by level. Building them reads the table once each
        // (26 s for a million records on a loaded 2-core machine); the upgrade is one transaction, so a killed process leaves version 4.
        // PostgreSQL's search plans its filters itself: nothing changes there.
        new(5, Sqlite: """
            CREATE INDEX articles_site_name ON articles(lower(site_name));
            CREATE INDEX articles_parent_domain ON articles(substr(source_domain, instr(source_domain, '.') + 1), source_domain);
            """, PostgreSql: "SELECT 1 -- nothing to change: the site filter is planned by PostgreSQL"),

        // New records' LSH band keys go to a small table first and move to story_bands in one pass in key order now and
        // then (SqliteRecordWriter.MergeBandsAsync): 24 keys per record inserted at random places in a large B-tree dirty
        // 24 pages each, which every commit writes to the WAL (at 100,000 records, ~30 MB per batch of 500); a small table
        // stays in the page cache, and the pass writes each page of the large one once. Reads take both tables.
        // PostgreSQL writes its index pages itself: nothing changes there.
        new(6, Sqlite: """
            CREATE TABLE story_bands_new (
                band_key INTEGER NOT NULL,
                article_id INTEGER NOT NULL,
                PRIMARY KEY (band_key, article_id)
            ) WITHOUT ROWID;
            """, PostgreSql: "SELECT 1 -- nothing to change: the band index stays one table in PostgreSQL"),

        // What a search with a language or date filter, or collapsed to one result per story, reads of each match (its
        // story, language and date) in an index by id (SqliteArticleStore.FilterRows): a record's row fills most of a page,
        // so checking the newest 2,000 matches of a word read 2,000 pages of the table (10-17 ms at 1,000,000 records);
        // the index holds about a hundred records a page (4 ms). Building it reads the table once (14 s for a million
        // records); one transaction. PostgreSQL plans its filters itself: nothing changes there.
        new(7, Sqlite: "CREATE INDEX articles_filters ON articles(id, story_id, language, published_at)",
            PostgreSql: "SELECT 1 -- nothing to change: the search's filters are planned by PostgreSQL"),
    ];

    /// <summary>Keep SQLite's FTS5 index (external content) in step with the articles table: made with the table,
    /// and again when version 2 rebuilds it.</summary>
    private const string SqliteFtsTriggers = """
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, description, text) VALUES (new.id, new.title, new.description, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, description, text) VALUES ('delete', old.id, old.title, old.description, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, description, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, description, text) VALUES ('delete', old.id, old.title, old.description, old.text);
            INSERT INTO articles_fts(rowid, title, description, text) VALUES (new.id, new.title, new.description, new.text);
        END;
        """;
}
