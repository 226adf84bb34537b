package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.text.Texts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The data inspector's decoding: known byte patterns read as every type, in both byte orders. */
class DataValuesTest {
    private static final byte[] DEADBEEF = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef};
    private static final byte[] EIGHT = {1, 2, 3, 4, 5, 6, 7, (byte) 0x88};

    private static String be(byte[] bytes, DataValues.Type type) {
        return DataValues.value(bytes, type, BIG_ENDIAN);
    }

    private static String le(byte[] bytes, DataValues.Type type) {
        return DataValues.value(bytes, type, LITTLE_ENDIAN);
    }

    @Test
    void integersOfEveryWidthSignedAndUnsigned() {
        assertEquals("-34", be(DEADBEEF, DataValues.Type.INT8));
        assertEquals("-34", le(DEADBEEF, DataValues.Type.INT8));
        assertEquals("222", be(DEADBEEF, DataValues.Type.UINT8));
        assertEquals("-8531", be(DEADBEEF, DataValues.Type.INT16));
        assertEquals("57005", be(DEADBEEF, DataValues.Type.UINT16));
        assertEquals("-21026", le(DEADBEEF, DataValues.Type.INT16));
        assertEquals("44510", le(DEADBEEF, DataValues.Type.UINT16));
        assertEquals("-559038737", be(DEADBEEF, DataValues.Type.INT32));
        assertEquals("3735928559", be(DEADBEEF, DataValues.Type.UINT32));
        assertEquals("-272716322", le(DEADBEEF, DataValues.Type.INT32));
        assertEquals("4022250974", le(DEADBEEF, DataValues.Type.UINT32));
        assertEquals("72623859790382984", be(EIGHT, DataValues.Type.INT64));
        assertEquals("-8644934341102468607", le(EIGHT, DataValues.Type.INT64));
        assertEquals("9801809732607083009", le(EIGHT, DataValues.Type.UINT64));
        byte[] ones = {-1, -1, -1, -1, -1, -1, -1, -1};
        assertEquals("-1", be(ones, DataValues.Type.INT64));
        assertEquals("18446744073709551615", be(ones, DataValues.Type.UINT64));
    }

    @Test
    void floatsInBothOrders() {
        byte[] onePointFive = {0x3f, (byte) 0xc0, 0, 0};
        assertEquals("1.5", be(onePointFive, DataValues.Type.FLOAT32));
        assertEquals("1.5", le(new byte[]{0, 0, (byte) 0xc0, 0x3f}, DataValues.Type.FLOAT32));
        byte[] pi = {0x40, 0x09, 0x21, (byte) 0xfb, 0x54, 0x44, 0x2d, 0x18};
        assertEquals("3.141592653589793", be(pi, DataValues.Type.FLOAT64));
        byte[] reversed = {0x18, 0x2d, 0x44, 0x54, (byte) 0xfb, 0x21, 0x09, 0x40};
        assertEquals("3.141592653589793", le(reversed, DataValues.Type.FLOAT64));
        assertEquals("NaN", be(new byte[]{0x7f, (byte) 0xc0, 0, 0}, DataValues.Type.FLOAT32));
    }

    @Test
    void unixTimesAndAddresses() {
        byte[] seconds = {0x65, (byte) 0x92, 0x00, (byte) 0x80}; // 1704067200 = 2024-01-01T00:00:00Z
        assertEquals("2024-01-01T00:00:00Z", be(seconds, DataValues.Type.UNIX_SECONDS));
        assertEquals("2024-01-01T00:00:00Z", le(new byte[]{(byte) 0x80, 0x00, (byte) 0x92, 0x65},
                DataValues.Type.UNIX_SECONDS));
        byte[] millis = {0, 0, 0x01, (byte) 0x8c, (byte) 0xc2, 0x51, (byte) 0xf4, 0x00}; // 1704067200000
        assertEquals("2024-01-01T00:00:00Z", be(millis, DataValues.Type.UNIX_MILLIS));
        byte[] loopback = {127, 0, 0, 1};
        assertEquals("127.0.0.1", be(loopback, DataValues.Type.IPV4));
        assertEquals("1.0.0.127", le(loopback, DataValues.Type.IPV4));
        assertEquals("192.168.1.10", be(new byte[]{(byte) 192, (byte) 168, 1, 10}, DataValues.Type.IPV4));
    }

    @Test
    void aShortSelectionSaysHowManyBytesATypeNeeds() {
        byte[] two = {1, 2};
        assertEquals("needs 4 bytes", be(two, DataValues.Type.INT32));
        assertEquals("needs 8 bytes", le(two, DataValues.Type.FLOAT64));
        assertEquals("needs 4 bytes", be(two, DataValues.Type.IPV4));
        assertEquals("needs 1 byte", be(new byte[0], DataValues.Type.UINT8));
        assertEquals("258", be(two, DataValues.Type.UINT16));
    }

    @Test
    void aLongerSelectionIsReadFromItsStart() {
        assertEquals("1", be(EIGHT, DataValues.Type.INT8));
        assertEquals("258", be(EIGHT, DataValues.Type.UINT16));
    }

    @Test
    void bitsAndText() {
        assertEquals("01001000 01101001", DataValues.bits(new byte[]{'H', 'i'}));
        assertEquals("00000001 00000010 00000011 00000100 00000101 00000110 00000111 10001000 …",
                DataValues.bits(new byte[]{1, 2, 3, 4, 5, 6, 7, (byte) 0x88, 9}));
        assertEquals("Password: ", DataValues.text("Password: ".getBytes(StandardCharsets.US_ASCII),
                StandardCharsets.US_ASCII));
        assertEquals("密码", DataValues.text("密码".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void theNeedsTextIsChineseInChinese() {
        try {
            Texts.use(Locale.SIMPLIFIED_CHINESE);
            assertEquals("需要 4 字节", be(new byte[]{1}, DataValues.Type.INT32));
        } finally {
            Texts.use(Locale.ENGLISH);
        }
    }
}
