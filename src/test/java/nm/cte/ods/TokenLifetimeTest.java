package nm.cte.ods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** expires_in read as the real token servers give it. */
class TokenLifetimeTest {

    @Test
    void secondsAreTheLifetime() {
        TokenLifetime lifetime = TokenLifetime.of(1800);

        assertEquals(Duration.ofMinutes(30), lifetime.lifetime());
        assertFalse(lifetime.capped());
    }

    @Test
    void aDayIsStillALifetime() {
        assertEquals(Duration.ofDays(1), TokenLifetime.of(86_400).lifetime());
    }

    @Test
    void anEpochTimeIsCappedAtAnHour() {
        TokenLifetime lifetime = TokenLifetime.of(1_796_000_000L);

        assertEquals(Duration.ofHours(1), lifetime.lifetime());
        assertTrue(lifetime.capped());
    }

    @Test
    void justOverADayIsCapped() {
        assertTrue(TokenLifetime.of(86_401).capped());
    }

    @Test
    void nothingToUseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenLifetime.of(0));
    }

    @Test
    void cappedMessageNamesTheEndpointAndTheValue() {
        String message = TokenLifetime.cappedMessage("http://127.0.0.1:3000/local/oauth/token", 1_796_000_000L);

        assertTrue(message.startsWith("The token endpoint http://127.0.0.1:3000/local/oauth/token gave expires_in 1796000000"),
                message);
    }
}
