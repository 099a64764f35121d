package org.anomaly4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonTreeTest {

    private static JsonTree parse(String json) throws IOException {
        return JsonTree.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void numericArraysAreStoredAsPrimitiveArrays() throws IOException {
        JsonTree.Obj o = (JsonTree.Obj) parse("{\"a\": [1, 2.5, -3e2], \"b\": [1, \"x\"], \"c\": []}");
        JsonTree.Numbers a = assertInstanceOf(JsonTree.Numbers.class, o.fields.get("a"));
        assertArrayEquals(new double[] {1, 2.5, -300}, a.values, 0.0);
        assertTrue(a.isIntegral(0));
        assertFalse(a.isIntegral(1));
        assertFalse(a.isIntegral(2), "an exponent is not an integer literal");
        JsonTree.Arr b = assertInstanceOf(JsonTree.Arr.class, o.fields.get("b"));
        assertInstanceOf(JsonTree.Num.class, b.items.get(0));
        assertInstanceOf(JsonTree.Text.class, b.items.get(1));
        assertTrue(assertInstanceOf(JsonTree.Arr.class, o.fields.get("c")).items.isEmpty());
    }

    @Test
    void integersBeyondLongAreNotExact() throws IOException {
        JsonTree.Obj o = (JsonTree.Obj) parse("{\"big\": 123456789012345678901234567890, \"max\": -9223372036854775808,"
                + " \"arr\": [1, 123456789012345678901234567890]}");
        JsonTree.Num big = (JsonTree.Num) o.fields.get("big");
        assertTrue(big.integral);
        assertFalse(big.exactLong);
        assertEquals(Long.MIN_VALUE, ((JsonTree.Num) o.fields.get("max")).longValue);
        assertFalse(((JsonTree.Numbers) o.fields.get("arr")).isIntegral(1));
    }

    @Test
    void aFieldNamedTwiceIsRefused() {
        JsonTree.Malformed e = assertThrows(JsonTree.Malformed.class, () -> parse("{\"a\": 1, \"b\": {\"c\": 1, \"c\": 2}}"));
        assertTrue(e.getMessage().contains("\"c\" appears twice"), e.getMessage());
    }

    @Test
    void textAfterTheValueAndTruncationAreRefused() {
        assertThrows(JsonProcessingException.class, () -> parse("{\"a\": 1} {\"b\": 2}"));
        assertThrows(JsonProcessingException.class, () -> parse("{\"a\": [1, 2"));
        assertThrows(JsonTree.Malformed.class, () -> parse("   "));
    }

    @Test
    void nestingIsBounded() {
        String deep = "[".repeat(200) + "]".repeat(200);
        assertThrows(JsonProcessingException.class, () -> parse("{\"a\": " + deep + "}"));
    }

    @Test
    void writtenDocumentsAreStandardJsonThatReadsBackTheSame(@TempDir Path dir) throws IOException {
        StateWriter w = StateWriter.object().put("format", "t").put("formatVersion", 1L)
                .put("x", new double[] {0.1, -0.0, 1e-300, 3})
                .put("i", new int[] {-2, 0, 7})
                .put("m", new double[][] {{1, 2}, {3}})
                .put("names", List.of("a\"b", "ü\n<script>"));
        w.object("nested").put("flag", true).put("pi", Math.PI);
        w.addObject("list").put("k", 1L);
        w.addObject("list").put("k", 2L);
        Path f = dir.resolve("d.json");
        JsonDocuments.write(f, w, "test file");
        // any JSON reader reads it
        new ObjectMapper().readTree(f.toFile());
        StateReader r = JsonDocuments.read(f, "test file", "t", 1, 1 << 20).root();
        assertArrayEquals(new double[] {0.1, -0.0, 1e-300, 3}, r.numbers("x", 4), 0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(r.numbers("x", 4)[1]));
        assertArrayEquals(new int[] {-2, 0, 7}, r.ints("i", 3, -10, 10));
        assertArrayEquals(new double[] {3}, r.matrix("m", 2)[1], 0.0);
        assertEquals(List.of("a\"b", "ü\n<script>"), r.texts("names", 2));
        assertEquals(Math.PI, r.object("nested").number("pi"), 0.0);
        assertEquals(2, r.objects("list", 2).get(1).integer("k", 0, 5));
        assertTrue(Files.readString(f).contains("\"i\" : [ -2, 0, 7 ]"), "arrays print on one line");
    }

    @Test
    void nonFiniteNumbersCannotBeWritten() {
        StringWriter out = new StringWriter();
        StateWriter w = StateWriter.object().put("x", new double[] {1, Double.NaN});
        assertThrows(IllegalArgumentException.class, () -> JsonTree.write(w.node, out));
    }

    @Test
    void readerRefusesFractionsWhereIntegersAreRequired(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("d.json");
        Files.writeString(f, "{\"format\": \"t\", \"formatVersion\": 1, \"i\": [1, 2.0], \"n\": [1, 1e400]}");
        StateReader r = JsonDocuments.read(f, "test file", "t", 1, 1 << 20).root();
        assertTrue(assertThrows(InvalidModelFileException.class, () -> r.ints("i", 2, 0, 5)).getMessage().contains("i[1]"));
        assertTrue(assertThrows(InvalidModelFileException.class, () -> r.numbers("n", 2)).getMessage().contains("n[1]"));
    }

    @Test
    void filesOverTheCapAreRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("d.json");
        Files.writeString(f, "{\"format\": \"t\", \"formatVersion\": 1, \"x\": [" + "1, ".repeat(1000) + "1]}");
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class,
                () -> JsonDocuments.read(f, "test file", "t", 1, 1000));
        assertTrue(e.getMessage().contains(Files.size(f) + " bytes"), e.getMessage());
    }
}
