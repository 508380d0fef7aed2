package nm.cte.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Makes ids as the ODS/API writes its Guids in URLs and tokens: 32 lower-case hex digits (.NET format "N"). */
final class Guids {

    private static final HexFormat HEX = HexFormat.of();

    private Guids() {
    }

    static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }

    /** An id as a client may write it in a URL (upper case, with dashes) in the form the sandbox holds it. */
    static String canonical(String id) {
        return id.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** The same id for the same name every time, for resources the sandbox only pretends to hold (schools). */
    static String named(String name) {
        UUID uuid = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        return HEX.toHexDigits(uuid.getMostSignificantBits()) + HEX.toHexDigits(uuid.getLeastSignificantBits());
    }
}
