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
            """, PostgreSql: """
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
    ];
}
