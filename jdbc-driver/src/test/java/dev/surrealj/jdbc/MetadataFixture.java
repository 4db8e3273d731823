package dev.surrealj.jdbc;

import dev.surrealj.testing.SurrealTestDb;

/**
 * The sample schema of the {@code DatabaseMetaData*Test} classes: a SCHEMAFULL table with nested,
 * optional, defaulted, computed and linked fields and unique / composite / HNSW / full-text (and on
 * 3.x COUNT) indexes, a second SCHEMAFULL table it links to, a SCHEMALESS table with records, a
 * relation table, a view and a function.
 */
final class MetadataFixture {
    private MetadataFixture() {
    }

    /** Defines the schema and a few records in {@code db}, for a server of major version {@code engine}. */
    static void create(SurrealTestDb db, int engine) {
        boolean v3 = engine >= 3;
        db.sql("DEFINE ANALYZER simple TOKENIZERS blank FILTERS lowercase;"
                + "DEFINE TABLE company SCHEMAFULL COMMENT 'Companies';"
                + "DEFINE FIELD name ON company TYPE string;"
                + "DEFINE FIELD ghost ON company TYPE option<record<ghost>>;"
                + "DEFINE TABLE person SCHEMAFULL COMMENT 'People';"
                + "DEFINE FIELD name ON person TYPE string COMMENT 'full name';"
                + "DEFINE FIELD age ON person TYPE option<int>;"
                + "DEFINE FIELD email ON person TYPE string;"
                + "DEFINE FIELD created ON person TYPE datetime DEFAULT time::now() READONLY;"
                + "DEFINE FIELD score ON person TYPE decimal DEFAULT 0dec;"
                + "DEFINE FIELD address ON person TYPE object;"
                + "DEFINE FIELD address.city ON person TYPE string;"
                + "DEFINE FIELD address.zip ON person TYPE option<string>;"
                + "DEFINE FIELD tags ON person TYPE array<string>;"
                + "DEFINE FIELD best_friend ON person TYPE option<record<person>>;"
                + "DEFINE FIELD employer ON person TYPE option<record<company>>;"
                + "DEFINE FIELD embedding ON person TYPE option<array<float>>;"
                + "DEFINE FIELD shout ON person VALUE string::uppercase(name);"
                + "DEFINE FIELD nick ON person TYPE option<string>"
                + " VALUE IF $value != NONE THEN string::lowercase($value) END;"
                + (v3 ? "DEFINE FIELD greeting ON person COMPUTED 'Hi ' + name;" : "")
                + "DEFINE INDEX person_email ON person FIELDS email UNIQUE;"
                + "DEFINE INDEX person_name_age ON person FIELDS name, age;"
                + "DEFINE INDEX person_embedding ON person FIELDS embedding HNSW DIMENSION 3 DIST COSINE;"
                + "DEFINE INDEX person_name_search ON person FIELDS name "
                + (v3 ? "FULLTEXT" : "SEARCH") + " ANALYZER simple BM25 HIGHLIGHTS;"
                + (v3 ? "DEFINE INDEX person_count ON person COUNT;" : "")
                + "DEFINE TABLE note SCHEMALESS;"
                + "DEFINE TABLE knows TYPE RELATION IN person OUT person SCHEMAFULL;"
                + "DEFINE FIELD since ON knows TYPE datetime;"
                + "DEFINE TABLE adults AS SELECT name, age FROM person WHERE age >= 18;"
                + "DEFINE FUNCTION fn::greet($name: string, $times: option<int>) -> string "
                + "{ RETURN 'Hello ' + $name; } COMMENT 'greets';"
                + "CREATE company:acme SET name = 'Acme';"
                + "CREATE person:ada SET name = 'Ada', age = 36, email = 'ada@example.com',"
                + " address = { city: 'London' }, tags = ['math'], employer = company:acme;"
                + "CREATE note:1 SET title = 'first', pages = 3, author = person:ada;"
                + "CREATE note:2 SET title = 'second', pages = 2.5, draft = true;"
                + "RELATE person:ada->knows->person:ada SET since = d'2020-01-01T00:00:00Z';");
    }
}
