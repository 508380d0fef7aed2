package nm.cte.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import nm.cte.ods.OdsSettings;
import org.junit.jupiter.api.Test;

class SettingsTest {

    /** Every reading of a setting that has a default; each must take it from application.properties. */
    private static final List<Consumer<Settings>> DEFAULTED = List.of(
            Settings::sourceConnectTimeout, Settings::odsConnectTimeout, Settings::odsResponseTimeout,
            Settings::resultsKeptRuns, Settings::leaseLength, Settings::deleteGuardPercent, Settings::maxConnections,
            Settings::publishPrograms, Settings::odsTlsVerify, Settings::compactLedgerOnClose, Settings::program, Settings::webBind, Settings::webUser, Settings::scheduleCron,
            Databases::ledgerUrl, OdsSettings::trust);

    @Test
    void settingsWithOnlyThePackagedPropertiesHaveTheirDocumentedDefaults() throws IOException {
        Properties packaged = packaged();
        Settings settings = over(packaged);

        assertEquals(Duration.ofSeconds(15), settings.sourceConnectTimeout());
        assertEquals(Duration.ofSeconds(10), settings.odsConnectTimeout());
        assertEquals(Duration.ofSeconds(30), settings.odsResponseTimeout());
        assertEquals(30, settings.resultsKeptRuns());
        assertEquals(Duration.ofSeconds(90), settings.leaseLength());
        assertEquals(20, settings.deleteGuardPercent());
        assertEquals(8, settings.maxConnections());
        assertEquals(false, settings.publishPrograms());
        assertEquals(true, settings.odsTlsVerify());
        assertEquals(true, settings.compactLedgerOnClose());
        assertEquals("uri://ed-fi.org", settings.program().descriptorNamespace());
        assertEquals("127.0.0.1", settings.webBind());
        assertEquals("operator", settings.webUser());
        assertEquals("jdbc:h2:./data/cte-ledger;DB_CLOSE_ON_EXIT=FALSE", Databases.ledgerUrl(settings));
        assertEquals("0 0/15 6-18 ? * MON-FRI", settings.scheduleCron());
    }

    @Test
    void aDefaultMissingFromThePackagedPropertiesFailsNamingItsKey() throws IOException {
        List<String> silent = new ArrayList<>();
        for (String key : packaged().stringPropertyNames()) {
            if (!readBySettings(key)) {
                continue;
            }
            Properties without = packaged();
            without.remove(key);
            Settings settings = over(without);
            boolean named = false;
            for (Consumer<Settings> reading : DEFAULTED) {
                try {
                    reading.accept(settings);
                } catch (SettingException e) {
                    named |= e.getMessage().contains(Settings.variable(key)) && e.getMessage().contains(key);
                }
            }
            if (!named) {
                silent.add(key);
            }
        }
        assertTrue(silent.isEmpty(), "read without application.properties giving them, without a word: " + silent);
    }

    @Test
    void aLeaseOutsideItsRangeIsRefusedNamingItsVariableTheRangeAndTheValue() throws IOException {
        Properties packaged = packaged();
        packaged.setProperty(Settings.STATE_LEASE_SECONDS, "121");

        SettingException refused = assertThrows(SettingException.class, over(packaged)::leaseLength);

        assertEquals("CTE_STATE_LEASE_SECONDS must be from 4 to 120 seconds, not 121", refused.getMessage());
    }

    @Test
    void aTimeoutOfNoSecondsIsRefusedNamingItsVariable() throws IOException {
        Properties packaged = packaged();
        packaged.setProperty(Settings.SOURCE_CONNECT_TIMEOUT, "0");

        SettingException refused = assertThrows(SettingException.class, over(packaged)::sourceConnectTimeout);

        assertEquals("CTE_SOURCE_CONNECT_TIMEOUT_SECONDS must be at least 1 second, not 0", refused.getMessage());
    }

    /** A key of Settings' own: the others are read by Camel, which fails on a placeholder without a value. */
    private static boolean readBySettings(String key) {
        for (Field field : Settings.class.getFields()) {
            try {
                if (Modifier.isStatic(field.getModifiers()) && key.equals(field.get(null))) {
                    return true;
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    private static Settings over(Properties properties) {
        return new Settings(key -> Optional.ofNullable(properties.getProperty(key)));
    }

    private static Properties packaged() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SettingsTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties;
    }
}
