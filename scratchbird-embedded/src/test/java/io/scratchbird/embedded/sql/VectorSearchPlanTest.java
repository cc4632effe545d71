package io.scratchbird.embedded.sql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Which translated queries an HNSW index may answer. */
class VectorSearchPlanTest {

    private final SqlTranslator translator = new SqlTranslator(new SchemaDirectory() {
        @Override
        public boolean exists(String schemaPath) {
            return schemaPath.equalsIgnoreCase("users.public");
        }

        @Override
        public long generation() {
            return 0;
        }
    });

    private VectorSearchPlan plan(String sql) throws EngineException {
        return translator.translate(sql).vectorPlan();
    }

    @Test
    void recognisesTheKnnShapes() throws EngineException {
        VectorSearchPlan p = plan("SELECT id, l2_distance(emb, ?) AS d FROM items WHERE cat = ? ORDER BY l2_distance(emb, vector(?)) LIMIT 10");
        assertNotNull(p);
        assertEquals("items", p.table());
        assertEquals("emb", p.column());
        assertEquals(VectorSearchPlan.Metric.L2, p.metric());
        assertEquals(10, p.limit());
        assertArrayEquals(new int[] {2}, p.vectorParameters());
        assertEquals(1, p.candidateParameter());
        assertTrue(p.restrictedSql().contains("WHERE items." + VectorSearchPlan.PK + " = ANY(?) AND items.emb IS NOT NULL AND ( cat = ?)"),
                p.restrictedSql());

        p = plan("select * from users.public.items i order by cosine_distance(i.emb, '[1,2]') asc limit ?");
        assertNotNull(p);
        assertEquals("users.public", p.schema());
        assertEquals(VectorSearchPlan.Metric.COSINE, p.metric());
        assertEquals(0, p.limitParameter());
        assertEquals(0, p.candidateParameter());

        p = plan("SELECT id FROM items ORDER BY inner_product(emb, :q) DESC LIMIT 5");
        assertTrue(p.maximize());
        assertFalse(plan("SELECT id FROM items ORDER BY inner_product(emb, ?) LIMIT 5").maximize());
        assertTrue(plan("SELECT id FROM items ORDER BY negative_inner_product(?, emb) LIMIT 5").maximize());
    }

    @Test
    void recognisesADistanceSelectItemNamedByPositionOrAliasAsHibernateWritesIt() throws EngineException {
        VectorSearchPlan p = plan("select p1_0.id,p1_0.name,cosine_distance(p1_0.emb,cast(? as vector)) from items p1_0"
                + " where p1_0.cat=? order by 3 limit ?");
        assertNotNull(p);
        assertEquals(VectorSearchPlan.Metric.COSINE, p.metric());
        assertEquals("emb", p.column());
        assertArrayEquals(new int[] {0}, p.vectorParameters());
        assertFalse(p.distanceInOrderBy());
        assertTrue(p.rankedSql().contains("ORDER BY " + VectorSearchPlan.DISTANCE), p.rankedSql());
        assertTrue(plan("SELECT id, negative_inner_product(emb, ?) FROM items ORDER BY 2 LIMIT 5").maximize());
        assertTrue(plan("SELECT id, inner_product(emb, ?) AS score FROM items ORDER BY score DESC LIMIT 5").maximize());
        assertNotNull(plan("SELECT id, l2_distance(emb, ?) d FROM items ORDER BY d LIMIT 5"));
        assertTrue(plan("SELECT id FROM items ORDER BY l2_distance(emb, ?) LIMIT 5").distanceInOrderBy());
        // tie-breaking keys after the distance stay in the statement
        VectorSearchPlan tie = plan("SELECT id, l2_distance(emb, ?) FROM items ORDER BY 2, id DESC LIMIT 5");
        assertNotNull(tie);
        assertTrue(tie.rankedSql().replace("  ", " ").contains(VectorSearchPlan.DISTANCE + "(items." + VectorSearchPlan.PK
                + "), id DESC LIMIT"), tie.rankedSql());
        VectorSearchPlan desc = plan("SELECT id FROM items ORDER BY inner_product(emb, ?) DESC, id LIMIT 5");
        assertTrue(desc.rankedSql().replace("  ", " ").contains(VectorSearchPlan.DISTANCE + "(items." + VectorSearchPlan.PK
                + ") DESC, id LIMIT"), desc.rankedSql());
        assertEquals("sb_inner_product", desc.function());
        // the demo's "similar products", as Hibernate writes it
        assertNotNull(plan("select p1_0.id,p1_0.name from product p1_0 where p1_0.id<>? order by"
                + " cosine_distance(p1_0.embedding,cast(? as vector)),p1_0.id limit ?"));
        for (String sql : new String[] {
            "SELECT id, l2_distance(emb, ?) + 1 AS d FROM items ORDER BY d LIMIT 5",
            "SELECT id, name FROM items ORDER BY 2 LIMIT 5",
            "SELECT id, l2_distance(emb, ?) FROM items ORDER BY 3 LIMIT 5",
            "SELECT id, l2_distance(emb, ?) AS d FROM items ORDER BY e LIMIT 5"}) {
            assertNull(plan(sql), sql);
        }
    }

    @Test
    void leavesOtherQueriesAlone() throws EngineException {
        for (String sql : new String[] {
            "SELECT id FROM items ORDER BY l2_distance(emb, ?) DESC LIMIT 10",
            "SELECT id FROM items ORDER BY l2_distance(emb, ?) + 0 LIMIT 10",
            "SELECT id FROM items ORDER BY l2_distance(emb, ?)",
            "SELECT id FROM items ORDER BY l2_distance(emb, ?) LIMIT 10 OFFSET 5",
            "SELECT id FROM items ORDER BY l2_distance(emb, other) LIMIT 10",
            "SELECT id FROM items a JOIN b ON a.id = b.id ORDER BY l2_distance(a.emb, ?) LIMIT 10",
            "SELECT id FROM items, b ORDER BY l2_distance(emb, ?) LIMIT 10",
            "SELECT DISTINCT id FROM items ORDER BY l2_distance(emb, ?) LIMIT 10",
            "SELECT cat, count(*) FROM items GROUP BY cat ORDER BY l2_distance(emb, ?) LIMIT 10",
            "SELECT id FROM items ORDER BY l2_distance(emb, ?) LIMIT 10 FOR UPDATE",
            "SELECT id FROM (SELECT * FROM items) x ORDER BY l2_distance(emb, ?) LIMIT 10",
            "SELECT id FROM items ORDER BY vector_norm(emb) LIMIT 10"}) {
            assertNull(plan(sql), sql);
        }
    }
}
