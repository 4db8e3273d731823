package dev.surrealj.jooq;

import static dev.surrealj.jooq.SurrealDSL.graph;
import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.asterisk;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.jooq.SurrealDSL.Distance;
import dev.surrealj.jooq.ddl.SurrealDDL;
import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealServer;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.RecordId;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples of the seed roadmap (SurrealDB-ORM) written with the jOOQ DSL and run on SurrealDB 3.x and 2.x:
 * v0.4.0 "Relations &amp; Graph Traversal" (relation operations, relation queries, multi-hop traversal with
 * filters at each level, prefetching) and v0.12.0 "Vector Search &amp; Full-Text Search" (HNSW index, similarity
 * search with and without filters, vector functions, analyzers, full-text indexes, search with scores and
 * highlights, hybrid search by reciprocal rank fusion).
 */
@ExtendWith(SurrealExtension.class)
class SeedExamplesTest {
    // ------------------------------------------------------------------------------------------- v0.4.0 model
    static final Table<Record> USER = table(name("user"));
    static final Table<Record> FOLLOWS = table(name("follows"));
    static final Table<Record> POST = table(name("post"));
    static final Field<RecordId> ID = field(name("id"), SurrealDataTypes.RECORD_ID);
    static final Field<String> NAME = field(name("name"), String.class);
    static final Field<Boolean> ACTIVE = field(name("active"), Boolean.class);
    static final Field<RecordId> IN = field(name("in"), SurrealDataTypes.RECORD_ID);
    static final Field<RecordId> OUT = field(name("out"), SurrealDataTypes.RECORD_ID);
    static final Field<String> TITLE = field(name("title"), String.class);
    static final Field<RecordId> AUTHOR = field(name("author"), SurrealDataTypes.RECORD_ID);

    // ------------------------------------------------------------------------------------------ v0.12.0 model
    static final Table<Record> DOCUMENTS = table(name("documents"));
    static final Table<Record> ARTICLES = table(name("articles"));
    static final Field<String> CONTENT = field(name("content"), String.class);
    static final Field<String> BODY = field(name("body"), String.class);
    static final Field<String> CATEGORY = field(name("category"), String.class);
    static final Field<Object> EMBEDDING = field(name("embedding"), SurrealDataTypes.ANY);
    static final Field<Double> DISTANCE = field(name("_distance"), Double.class);

    static RecordId user(String key) {
        return new RecordId("user", key);
    }

    private static final Map<Integer, DSLContext> DSL = new HashMap<>();
    private static final List<AutoCloseable> CLOSE = new ArrayList<>();

    @BeforeAll
    static void start(SurrealTestDb db3) throws Exception {
        Connection c3 = Fixture.connect(db3);
        CLOSE.add(c3);
        DSL.put(3, SurrealDSL.using(c3));
        SurrealServer server2 = SurrealServer.builder().engine(2).start();
        CLOSE.add(server2);
        SurrealTestDb db2 = new SurrealTestDb(server2, "seed2", "test");
        db2.sql("DEFINE NAMESPACE IF NOT EXISTS seed2; DEFINE DATABASE IF NOT EXISTS test;");
        Connection c2 = Fixture.connect(db2);
        CLOSE.add(0, c2);
        DSL.put(2, SurrealDSL.using(c2));
        for (DSLContext d : DSL.values()) {
            load(d);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : CLOSE) {
            c.close();
        }
    }

    /** The data set of both examples, written with the DSL (jOOQ INSERT, RELATE, DDL builders). */
    static void load(DSLContext d) {
        // v0.4.0: users, who follows whom, posts with an author link
        d.insertInto(USER, ID, NAME, ACTIVE)
                .values(user("alice"), "Alice", true).values(user("bob"), "Bob", true)
                .values(user("charlie"), "Charlie", true).values(user("dave"), "Dave", false)
                .values(user("eve"), "Eve", true).values(user("zoe"), "Zoe", true).execute();
        String[][] follows = {{"alice", "bob"}, {"alice", "charlie"}, {"bob", "charlie"}, {"bob", "dave"},
            {"charlie", "eve"}, {"dave", "eve"}};
        for (String[] f : follows) {
            SurrealDSL.relate(user(f[0]), "follows", user(f[1])).execute(d);
        }
        d.insertInto(POST, ID, TITLE, AUTHOR)
                .values(new RecordId("post", 1), "Graphs", user("bob"))
                .values(new RecordId("post", 2), "Edges", user("bob"))
                .values(new RecordId("post", 3), "Hello", user("alice")).execute();

        // v0.12.0: the migrations of the roadmap (DIMENSION 4 instead of 1536 for readable test vectors)
        SurrealDDL.defineIndex("idx_embedding", "documents").fields("embedding").hnsw(4).dist(Distance.COSINE)
                .vectorType("F32").efc(150).m(12).execute(d);
        SurrealDDL.defineAnalyzer("english").tokenizers("class", "blank").filters("lowercase", "ascii", "snowball(english)")
                .execute(d);
        SurrealDDL.defineAnalyzer("autocomplete").tokenizers("class").filters("lowercase", "edgengram(2, 10)").execute(d);
        for (String f : List.of("content", "title", "body")) {
            SurrealDDL.defineIndex("idx_" + f + "_fts", "articles").fields(f).fulltext("english").bm25(1.2, 0.75)
                    .highlights().execute(d);
        }
        SurrealDDL.defineIndex("idx_doc_content_fts", "documents").fields("content").fulltext("english").bm25(1.2, 0.75)
                .execute(d);
        Object[][] docs = {
            {1, "Intro to machine learning", "Machine learning models learn patterns from data", "science", vec(1, 0, 0, 0)},
            {2, "Transformers explained", "Transformers are machine learning models built on attention", "science",
                vec(0.9, 0.1, 0, 0)},
            {3, "Baking bread", "Flour, water, salt and yeast", "cooking", vec(0, 0, 1, 0)},
            {4, "Gradient descent", "Optimising learning rates of neural networks", "science", vec(0.7, 0.7, 0, 0)},
            {5, "Sourdough", "A starter culture of wild yeast", "cooking", vec(0, 0, 0.9, 0.1)},
        };
        for (Object[] doc : docs) {
            SurrealDSL.create(new RecordId("documents", doc[0])).set(TITLE, (String) doc[1]).set(CONTENT, (String) doc[2])
                    .set(CATEGORY, (String) doc[3]).set(EMBEDDING, doc[4]).execute(d);
        }
        String[][] articles = {
            {"Quantum computing for beginners", "An introduction to qubits and entanglement theory",
                "Machine learning on quantum computers"},
            {"Classical computing history", "From vacuum tubes to transistors", "The history of machines"},
            {"Quantum entanglement explained", "Entanglement theory and Bell tests", "Physics without machine learning"},
            {"Gardening in spring", "Seeds, soil and patience", "Plants grow slowly"},
            {"Cooking pasta", "Salt the water generously", "Italian kitchens"},
            {"Mountain hiking", "Boots, maps and weather", "Trails above the clouds"},
        };
        for (int i = 0; i < articles.length; i++) {
            d.insertInto(ARTICLES, ID, TITLE, BODY, CONTENT)
                    .values(new RecordId("articles", i + 1), articles[i][0], articles[i][1], articles[i][2]).execute();
        }
    }

    static List<Double> vec(double... v) {
        return Arrays.stream(v).boxed().toList();
    }

    static List<String> names(Result<? extends Record> r) {
        return r.isEmpty() ? List.of() : r.getValues("name", String.class);
    }

    static List<String> ids(Result<? extends Record> r) {
        return r.stream().map(x -> String.valueOf(x.get("id"))).toList();
    }

    // ================================================================================ v0.4.0 relations, graph

    @ParameterizedTest(name = "SurrealDB {0}.x")
    @ValueSource(ints = {3, 2})
    void relationOperations(int engine) {
        DSLContext d = DSL.get(engine);
        RecordId zoe = user("zoe");
        // what zoe follows: SELECT * FROM user WHERE id IN (?)->follows->user ORDER BY name
        java.util.function.Supplier<List<String>> following = () -> names(d.selectFrom(USER)
                .where(ID.in(graph(zoe).out("follows").out("user"))).orderBy(NAME).fetch());

        // await alice.following.add(bob)
        SurrealDSL.relate(zoe, "follows", user("bob")).execute(d);
        SurrealDSL.relate(zoe, "follows", user("dave")).execute(d);
        assertEquals(List.of("Bob", "Dave"), following.get());

        // await alice.following.remove(bob): DELETE follows WHERE `in` = ? AND out = ?
        assertEquals(1, d.deleteFrom(FOLLOWS).where(IN.eq(zoe).and(OUT.eq(user("bob")))).execute());
        assertEquals(List.of("Dave"), following.get());

        // await alice.following.set([bob, charlie]): in one transaction, clear then RELATE to a list of records
        SurrealRelate relateAll = SurrealDSL.relate(zoe, "follows", SurrealDSL.bind(List.of(user("bob"), user("charlie"))));
        if (engine == 3) {
            d.transaction(tx -> {
                DSLContext t = tx.dsl();
                t.deleteFrom(FOLLOWS).where(IN.eq(zoe)).execute();
                relateAll.execute(t);
            });
        } else {
            // 2.x has no interactive transactions over RPC: one batch (one request) inside BEGIN … COMMIT
            d.batch(d.query("BEGIN TRANSACTION"), d.deleteFrom(FOLLOWS).where(IN.eq(zoe)), relateAll.query(d),
                    d.query("COMMIT TRANSACTION")).execute();
        }
        assertEquals(List.of("Bob", "Charlie"), following.get());

        // await alice.following.clear()
        assertEquals(2, d.deleteFrom(FOLLOWS).where(IN.eq(zoe)).execute());
        assertEquals(List.of(), following.get());
    }

    @ParameterizedTest(name = "SurrealDB {0}.x")
    @ValueSource(ints = {3, 2})
    void queryRelations(int engine) {
        DSLContext d = DSL.get(engine);
        // followers = await eve.followers.all(): SELECT * FROM user WHERE id IN (?)<-follows<-user
        assertEquals(List.of("Charlie", "Dave"), names(d.selectFrom(USER)
                .where(ID.in(graph(user("eve")).in("follows").in("user"))).orderBy(NAME).fetch()));

        // followers = await eve.followers.filter(active=True)
        assertEquals(List.of("Charlie"), names(d.selectFrom(USER)
                .where(ID.in(graph(user("eve")).in("follows").in("user")).and(ACTIVE.isTrue())).orderBy(NAME).fetch()));

        // count = await charlie.followers.count(): array::len(<-follows<-user) on the record
        assertEquals(2, d.select(SurrealDSL.function("array::len", Integer.class, graph().in("follows").in("user")).as("n"))
                .from(SurrealDSL.table(user("charlie"))).fetchOne(0, Integer.class));
        // ... or as an aggregate over the edge table
        assertEquals(2, d.select(count()).from(FOLLOWS).where(OUT.eq(user("charlie"))).fetchOne(0, Integer.class));

        // is_following = await alice.following.contains(bob): ->follows->user CONTAINS ?
        Field<Boolean> contains = field(graph().out("follows").out("user").reaches(user("bob"))).as("is_following");
        assertEquals(true, d.select(contains).from(SurrealDSL.table(user("alice"))).fetchOne(0, Boolean.class));
        assertEquals(false, d.select(contains).from(SurrealDSL.table(user("eve"))).fetchOne(0, Boolean.class));
    }

    @ParameterizedTest(name = "SurrealDB {0}.x")
    @ValueSource(ints = {3, 2})
    void graphTraversal(int engine) {
        DSLContext d = DSL.get(engine);
        // friends_of_friends = await alice.following.following.all()
        assertEquals(List.of("Charlie", "Dave", "Eve"), names(d.selectFrom(USER)
                .where(ID.in(graph(user("alice")).out("follows").out("user").out("follows").out("user")))
                .orderBy(NAME).fetch()));

        // active_fof = await alice.following.filter(active=True).following.filter(active=True).all()
        //   ->follows->(user WHERE active = ?)->follows->(user WHERE active = ?)
        Graph activeFof = graph(user("alice")).out("follows").out("user", ACTIVE.isTrue())
                .out("follows").out("user", ACTIVE.isTrue());
        assertEquals("(?)->follows->(`user` WHERE active = true)->follows->(`user` WHERE active = true)",
                SurrealQLRenderer.of(SurrealDSL.version(d)).render(activeFof).sql());
        assertEquals(List.of("Charlie", "Eve"),
                names(d.selectFrom(USER).where(ID.in(activeFof)).orderBy(NAME).fetch()));

        // graph_query("->follows->User->follows->User WHERE active = true"), from bob: the filter on the last step
        assertEquals(List.of("Eve"), names(d.selectFrom(USER)
                .where(ID.in(graph(user("bob")).out("follows").out("user").out("follows").out("user", ACTIVE.isTrue())))
                .orderBy(NAME).fetch()));
    }

    @ParameterizedTest(name = "SurrealDB {0}.x")
    @ValueSource(ints = {3, 2})
    void prefetchRelated(int engine) {
        DSLContext d = DSL.get(engine);
        // users = await User.objects().prefetch_related("followers", "posts").all(): one query; the followers
        // are fetched records (FETCH), the posts a correlated subquery on the author link
        Result<?> users = SurrealDSL.select(d.select(NAME, graph().in("follows").in("user").as("followers"),
                        array(select(TITLE).from(POST).where(AUTHOR.eq(field(name("user", "id"), SurrealDataTypes.RECORD_ID)))
                                .orderBy(TITLE)).as("posts"))
                        .from(USER).where(ID.in(user("alice"), user("bob"), user("charlie"))).orderBy(NAME))
                .fetch("followers").fetch(d);
        assertEquals("SELECT name, <-follows<-`user` AS followers, (SELECT VALUE title FROM post WHERE author = $parent.id"
                + " ORDER BY title) AS posts FROM `user` WHERE id IN [?, ?, ?] ORDER BY name FETCH followers",
                SurrealQLRenderer.of(SurrealDSL.version(d)).render(SurrealDSL.select(d.select(NAME,
                        graph().in("follows").in("user").as("followers"),
                        array(select(TITLE).from(POST).where(AUTHOR.eq(field(name("user", "id"), SurrealDataTypes.RECORD_ID)))
                                .orderBy(TITLE)).as("posts"))
                        .from(USER).where(ID.in(user("alice"), user("bob"), user("charlie"))).orderBy(NAME))
                        .fetch("followers")).sql());
        Map<String, String> summary = new LinkedHashMap<>();
        for (Record u : users) {
            List<?> followers = (List<?>) u.get("followers");
            String fNames = followers.stream().map(f -> String.valueOf(((Map<?, ?>) f).get("name"))).sorted()
                    .collect(Collectors.joining(","));
            summary.put(u.get(NAME), fNames + " | " + Arrays.toString((Object[]) u.get("posts")));
        }
        assertEquals(Map.of("Alice", " | [Hello]", "Bob", "Alice | [Edges, Graphs]", "Charlie", "Alice,Bob | []"),
                summary);
    }

    // ======================================================================= v0.12.0 vector and full-text search

    @ParameterizedTest(name = "SurrealDB {0}.x")
    @ValueSource(ints = {3, 2})
    void vectorIndexDefinition(int engine) {
        // CreateIndex(table="documents", name="idx_embedding", fields=["embedding"], hnsw=True, dimension=1536,
        //             dist="COSINE", vector_type="F32", efc=150, m=12)
        assertEquals("DEFINE INDEX idx_embedding ON documents FIELDS embedding HNSW DIMENSION 1536 TYPE F32 DIST COSINE"
                + " EFC 150 M 12", SurrealDDL.defineIndex("idx_embedding", "documents").fields("embedding").hnsw(1536)
                .dist(Distance.COSINE).vectorType("F32").efc(150).m(12).render(SurrealDSL.version(DSL.get(engine))).sql());
    }

    @ParameterizedTest(name = "SurrealDB {0}.x")
    @ValueSource(ints = {3, 2})
    void similarTo(int engine) {
        DSLContext d = DSL.get(engine);
        List<Double> query = vec(1, 0, 0, 0);
        // Document.objects().similar_to("embedding", query_embedding, limit=10, ef=40)
        //   SELECT *, vector::distance::knn() AS _distance FROM documents WHERE embedding <|10, 40|> $_vec
        //   ORDER BY _distance
        var similar = d.select(asterisk(), SurrealDSL.knnDistance().as("_distance")).from(DOCUMENTS)
                .where(SurrealDSL.knn(EMBEDDING, 10, 40, query)).orderBy(DISTANCE);
        assertEquals("SELECT *, vector::distance::knn() AS _distance FROM documents WHERE embedding <|10,40|> ?"
                + " ORDER BY _distance", SurrealQLRenderer.of(SurrealDSL.version(d)).render(similar).sql());
        Result<?> r = similar.fetch();
        assertEquals(List.of("documents:1", "documents:2", "documents:4", "documents:3", "documents:5").subList(0, 3),
                ids(r).subList(0, 3));
        assertEquals(0.0, r.get(0).get(DISTANCE), 1e-6);
        assertEquals(1 - 0.9 / Math.sqrt(0.82), r.get(1).get(DISTANCE), 1e-4);
        assertEquals("Intro to machine learning", r.get(0).get(TITLE));

        // .similar_to("embedding", query_embedding, limit=5).filter(category="science")
        //   WHERE category = $_f0 AND embedding <|5|> $_vec   (3.x has no <|5|>: the HNSW form takes ef)
        List<String> science = ids(d.select(ID).from(DOCUMENTS)
                .where(CATEGORY.eq("science").and(SurrealDSL.knn(EMBEDDING, 5, 40, query)))
                .orderBy(SurrealDSL.knnDistance()).fetch());
        assertEquals(List.of("documents:1", "documents:2", "documents:4"), science);

        // annotate(cosine_sim=SurrealFunc("vector::similarity::cosine(embedding, $query_vec)"))
        //   .order_by("-cosine_sim").limit(10)
        Field<Double> cosineSim = SurrealDSL.cosineSimilarity(EMBEDDING, vec(0, 0, 1, 0)).as("cosine_sim");
        Result<?> byCosine = d.select(ID, TITLE, cosineSim).from(DOCUMENTS)
                .orderBy(cosineSim.desc()).limit(10).fetch();
        assertEquals(List.of("Baking bread", "Sourdough"), byCosine.getValues(TITLE).subList(0, 2));
        assertEquals(1.0, byCosine.get(0).get("cosine_sim", Double.class), 1e-9);
        // and a distance function of the list
        assertEquals(Math.sqrt(2), d.select(SurrealDSL.vectorDistance(Distance.EUCLIDEAN, EMBEDDING, query).as("d"))
                .from(SurrealDSL.table(new RecordId("documents", 3))).fetchOne(0, Double.class), 1e-9);
    }

    @ParameterizedTest(name = "SurrealDB {0}.x")
    @ValueSource(ints = {3, 2})
    void analyzersAndFullTextIndexes(int engine) {
        SurrealVersion v = SurrealDSL.version(DSL.get(engine));
        // DefineAnalyzer(name="english", tokenizers=["class", "blank"], filters=["lowercase", "ascii", "snowball(english)"])
        assertEquals("DEFINE ANALYZER english TOKENIZERS class, blank FILTERS lowercase, ascii, snowball(english)",
                SurrealDDL.defineAnalyzer("english").tokenizers("class", "blank")
                        .filters("lowercase", "ascii", "snowball(english)").render(v).sql());
        assertEquals("DEFINE ANALYZER autocomplete TOKENIZERS class FILTERS lowercase, edgengram(2, 10)",
                SurrealDDL.defineAnalyzer("autocomplete").tokenizers("class").filters("lowercase", "edgengram(2, 10)")
                        .render(v).sql());
        // CreateIndex(table="articles", name="idx_content_fts", fields=["content"], search_analyzer="english",
        //             bm25=(1.2, 0.75), highlights=True)
        assertEquals("DEFINE INDEX idx_content_fts ON articles FIELDS `content` "
                + (v.isV3() ? "FULLTEXT" : "SEARCH") + " ANALYZER english BM25(1.2, 0.75) HIGHLIGHTS",
                SurrealDDL.defineIndex("idx_content_fts", "articles").fields("content").fulltext("english")
                        .bm25(1.2, 0.75).highlights().render(v).sql());
    }

    @ParameterizedTest(name = "SurrealDB {0}.x")
    @ValueSource(ints = {3, 2})
    void search(int engine) {
        DSLContext d = DSL.get(engine);
        // Article.objects().search(content="machine learning"): SELECT * FROM articles WHERE content @0@ $_s0
        var simple = d.selectFrom(ARTICLES).where(SurrealDSL.matches(CONTENT, 0, "machine learning")).orderBy(ID);
        assertEquals("SELECT * FROM articles WHERE `content` @0@ ? ORDER BY id",
                SurrealQLRenderer.of(SurrealDSL.version(d)).render(simple).sql());
        // every term must match; snowball(english) stems "computers" and "computing" alike
        assertEquals(List.of("articles:1", "articles:3"), ids(simple.fetch()));
        assertEquals(List.of("articles:1", "articles:2"), ids(d.select(ID).from(ARTICLES)
                .where(SurrealDSL.matches(TITLE, 0, "computers")).orderBy(ID).fetch()));

        // search(title="quantum computing", body="entanglement theory")
        //   .annotate(title_score=SearchScore(0), body_score=SearchScore(1),
        //             title_hl=SearchHighlight("<b>", "</b>", 0), body_hl=SearchHighlight("<b>", "</b>", 1))
        //   .order_by("-title_score")
        Field<Double> titleScore = SurrealDSL.searchScore(0).as("title_score");
        var multi = d.select(ID, titleScore, SurrealDSL.searchScore(1).as("body_score"),
                        SurrealDSL.searchHighlight("<b>", "</b>", 0).as("title_hl"),
                        SurrealDSL.searchHighlight("<b>", "</b>", 1).as("body_hl"))
                .from(ARTICLES)
                .where(SurrealDSL.matches(TITLE, 0, "quantum computing").and(SurrealDSL.matches(BODY, 1, "entanglement theory")))
                .orderBy(titleScore.desc());
        assertEquals("SELECT id, search::score(0) AS title_score, search::score(1) AS body_score,"
                + " search::highlight('<b>', '</b>', 0) AS title_hl, search::highlight('<b>', '</b>', 1) AS body_hl"
                + " FROM articles WHERE title @0@ ? AND body @1@ ? ORDER BY title_score DESC",
                SurrealQLRenderer.of(SurrealDSL.version(d)).render(multi).sql());
        Result<?> r = multi.fetch();
        assertEquals(List.of("articles:1"), ids(r));
        assertEquals("<b>Quantum</b> <b>computing</b> for beginners", r.get(0).get("title_hl"));
        assertEquals("An introduction to qubits and <b>entanglement</b> <b>theory</b>", r.get(0).get("body_hl"));
        assertTrue(r.get(0).get("title_score", Double.class) > 0, "title score " + r.get(0).get("title_score"));
        assertTrue(r.get(0).get("body_score", Double.class) > 0, "body score " + r.get(0).get("body_score"));

        // ranked by score: "quantum" is in two titles, the shorter title ranks first (BM25 length normalisation)
        assertEquals(List.of("articles:3", "articles:1"), ids(d.select(ID).from(ARTICLES)
                .where(SurrealDSL.matches(TITLE, 0, "quantum")).orderBy(SurrealDSL.searchScore(0).desc()).fetch()));
    }

    @ParameterizedTest(name = "SurrealDB {0}.x")
    @ValueSource(ints = {3, 2})
    void hybridSearch(int engine) {
        DSLContext d = DSL.get(engine);
        // Document.objects().hybrid_search(vector_field="embedding", vector=query_embedding, vector_limit=20,
        //     text_field="content", text_query="machine learning transformers", text_limit=20, rrf_k=60)
        // two DSL queries, fused by reciprocal rank: score(doc) = sum over the lists of 1 / (k + rank)
        List<String> byVector = ids(d.select(ID).from(DOCUMENTS)
                .where(SurrealDSL.knn(EMBEDDING, 20, 40, vec(1, 0, 0, 0))).orderBy(SurrealDSL.knnDistance()).fetch());
        List<String> byText = ids(d.select(ID).from(DOCUMENTS)
                .where(SurrealDSL.matches(CONTENT, 0, "machine learning transformers"))
                .orderBy(SurrealDSL.searchScore(0).desc()).limit(20).fetch());
        assertEquals(List.of("documents:2"), byText);
        Map<String, Double> rrf = new HashMap<>();
        for (List<String> ranking : List.of(byVector, byText)) {
            for (int i = 0; i < ranking.size(); i++) {
                rrf.merge(ranking.get(i), 1.0 / (60 + i + 1), Double::sum);
            }
        }
        List<String> fused = rrf.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of("documents:2", "documents:1", "documents:4"), fused.subList(0, 3));
        assertEquals(1.0 / 62 + 1.0 / 61, rrf.get("documents:2"), 1e-12);
    }
}
