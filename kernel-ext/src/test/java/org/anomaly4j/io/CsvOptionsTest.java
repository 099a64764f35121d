package org.anomaly4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvOptionsTest {

    @Test
    void defaultsArePandasLike() {
        CsvOptions d = CsvOptions.defaults();
        assertEquals(',', d.separatorChar());
        assertTrue(d.header());
        assertTrue(d.missingTokens().containsAll(List.of("", "NA", "NaN", "null")), d.missingTokens().toString());
        assertNull(d.dateTimeFormat());
        assertEquals(d, CsvOptions.defaults());
    }

    @Test
    void withersReturnNewValuesAndLeaveTheOriginalUnchanged() {
        CsvOptions d = CsvOptions.defaults();
        CsvOptions semi = d.withSeparator(';');
        CsvOptions noHeader = d.header(false);
        CsvOptions miss = d.missing("?", "-");
        CsvOptions fmt = d.dateTimeFormat("d.MM.yyyy HH:mm");

        assertEquals(';', semi.separatorChar());
        assertEquals(false, noHeader.header());
        assertEquals(List.of("?", "-"), miss.missingTokens());
        assertEquals("d.MM.yyyy HH:mm", fmt.dateTimeFormat());
        for (CsvOptions changed : List.of(semi, noHeader, miss, fmt)) {
            assertNotEquals(d, changed);
        }
        assertEquals(CsvOptions.defaults(), d, "original unchanged");
        // a wither changes one field only
        assertEquals(d.header(), semi.header());
        assertEquals(d.missingTokens(), fmt.missingTokens());
        assertEquals(d.separatorChar(), miss.separatorChar());
        // chains keep earlier settings
        CsvOptions chained = CsvOptions.separator(';').dateTimeFormat("d.MM.yyyy HH:mm").header(false);
        assertEquals(';', chained.separatorChar());
        assertEquals("d.MM.yyyy HH:mm", chained.dateTimeFormat());
        assertEquals(false, chained.header());
    }

    @Test
    void missingTokensAreCopiedAndImmutable() {
        List<String> tokens = new ArrayList<>(List.of("x"));
        CsvOptions o = new CsvOptions(',', true, tokens, null);
        tokens.add("y");
        assertEquals(List.of("x"), o.missingTokens());
        assertThrows(UnsupportedOperationException.class, () -> o.missingTokens().add("z"));
    }

    @Test
    void invalidDateTimeFormatIsRejected() {
        for (String bad : new String[] {"yyyy-MM-dd'T", "{yyyy}", "yyyy-MM-dd #", "pppp"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CsvOptions.defaults().dateTimeFormat(bad), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void lineBreaksAndQuotesAreNotSeparators() {
        IllegalArgumentException q = assertThrows(IllegalArgumentException.class, () -> CsvOptions.separator('"'));
        assertTrue(q.getMessage().contains("'\"'"), q.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> CsvOptions.separator('\n'));
        assertTrue(n.getMessage().contains("'\\n'"), n.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().withSeparator('\r'));
        assertThrows(IllegalArgumentException.class, () -> new CsvOptions('"', true, List.of(), null));
        assertEquals('|', CsvOptions.separator('|').separatorChar());
    }
}
