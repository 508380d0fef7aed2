package nm.cte.ods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nm.cte.settings.SettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The endpoints a run takes from the discovery documents of real Ed-Fi APIs, the operator's overrides and its school year. */
class DiscoveryTest {

    private static final int SCHOOL_YEAR = 2027;
    private static final String JSON = "application/json; charset=utf-8";
    private static final Discovery.Overrides NONE = Discovery.Overrides.none();

    /** A document of src/test/resources/ed-fi-discovery/ (see its README for where each comes from). */
    private static String sample(String name) throws IOException {
        try (InputStream in = DiscoveryTest.class.getResourceAsStream("/ed-fi-discovery/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Discovery.Endpoints discovered(String root, String sample, Discovery.Overrides overrides)
            throws IOException {
        return Discovery.endpoints(URI.create(root), 200, JSON, sample(sample), overrides, SCHOOL_YEAR);
    }

    private static String document(String models, String urls) {
        return "{\"version\":\"6.2\",\"suite\":\"3\",\"apiMode\":\"Sandbox\",\"dataModels\":[" + models + "],\"urls\":{" + urls + "}}";
    }

    @Test
    void sharedInstanceGivesItsOauthAndDataManagementApi() throws Exception {
        Discovery.Endpoints endpoints = discovered("https://api.ed-fi.org/v7.0/api", "odsapi-7.0-shared.json", NONE);

        assertEquals(URI.create("https://api.ed-fi.org/v7.0/api/oauth/token"), endpoints.tokenUrl());
        assertEquals(URI.create("https://api.ed-fi.org/v7.0/api/data/v3"), endpoints.dataUrl());
        assertEquals(5, endpoints.dataStandard());
        assertEquals(List.of(), endpoints.notes());
        assertEquals(List.of(), endpoints.warnings());
    }

    @Test
    void resourceIsAppendedToTheDataUrl() throws Exception {
        Discovery.Endpoints endpoints = discovered("https://api.ed-fi.org/v7.0/api/", "odsapi-7.0-shared.json", NONE);

        assertEquals(URI.create("https://api.ed-fi.org/v7.0/api/data/v3/ed-fi/studentCTEProgramAssociations"),
                endpoints.resource("studentCTEProgramAssociations"));
    }

    @Test
    void districtSpecificOdsApi52ServesDataStandard3() throws Exception {
        Discovery.Endpoints endpoints = discovered("https://ods.example.org/api", "odsapi-5.2-district-specific.json", NONE);

        assertEquals(3, endpoints.dataStandard());
        assertEquals(URI.create("https://ods.example.org/api/data/v3"), endpoints.dataUrl());
        assertEquals("ODS/API 5.2 (District Specific)", endpoints.api());
    }

    @Test
    void yearSpecificPutsTheRunsSchoolYearInTheDataUrlNotTheDocumentsYear() throws Exception {
        Discovery.Endpoints endpoints = discovered("https://ods.example.org/api", "odsapi-5.3-year-specific.json", NONE);

        assertEquals(URI.create("https://ods.example.org/api/data/v3/2027"), endpoints.dataUrl());
        assertEquals(URI.create("https://ods.example.org/api/oauth/token"), endpoints.tokenUrl());
        assertEquals(3, endpoints.dataStandard());
    }

    @Test
    void instanceYearSpecificPutsTheInstanceInTokenAndDataUrls() throws Exception {
        Discovery.Endpoints endpoints = discovered("https://ods.example.org/api", "odsapi-6.1-instance-year-specific.json",
                new Discovery.Overrides(null, null, "district35", null));

        assertEquals(URI.create("https://ods.example.org/api/district35/oauth/token"), endpoints.tokenUrl());
        assertEquals(URI.create("https://ods.example.org/api/data/v3/district35/2027"), endpoints.dataUrl());
        assertEquals(4, endpoints.dataStandard());
    }

    @Test
    void instanceYearSpecificWithoutTheInstanceNamesTheSetting() {
        SettingException refused = assertThrows(SettingException.class,
                () -> discovered("https://ods.example.org/api", "odsapi-6.1-instance-year-specific.json", NONE));

        assertTrue(refused.getMessage().startsWith("CTE_ODS_INSTANCE is not set"), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"));
    }

    @Test
    void tenantPlaceholdersNameTheSegmentsToAddToTheBaseUrl() {
        SettingException refused = assertThrows(SettingException.class,
                () -> discovered("https://ods.example.org/api", "odsapi-7.x-multi-tenant-root.json", NONE));

        assertTrue(refused.getMessage().startsWith("CTE_ODS_BASE_URL https://ods.example.org/api is incomplete"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("{tenantIdentifier}, {schoolYearFromRoute}"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("e.g. CTE_ODS_BASE_URL=https://ods.example.org/api/TENANT/2027"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"));
    }

    @Test
    void schoolYearPlaceholderAloneAsksForTheSchoolYear() {
        String document = document("", "\"oauth\":\"https://h/api/{schoolYearFromRoute}/oauth/token\","
                + "\"dataManagementApi\":\"https://h/api/{schoolYearFromRoute}/data/v3/\"");

        SettingException refused = assertThrows(SettingException.class, () -> Discovery.endpoints(
                URI.create("https://h/api"), 200, JSON, document, NONE, SCHOOL_YEAR));

        assertTrue(refused.getMessage().endsWith("add the school year to it, e.g. CTE_ODS_BASE_URL=https://h/api/2027"),
                refused.getMessage());
    }

    @Test
    void overriddenUrlsWinOverTheDocumentAndItsPlaceholders() throws Exception {
        Discovery.Endpoints endpoints = discovered("https://ods.example.org/api", "odsapi-7.x-multi-tenant-root.json",
                new Discovery.Overrides("https://idp.example.org/connect/token", "https://ods.example.org/api/t1/2027/data/v3/",
                        null, null));

        assertEquals(URI.create("https://idp.example.org/connect/token"), endpoints.tokenUrl());
        assertEquals(URI.create("https://ods.example.org/api/t1/2027/data/v3"), endpoints.dataUrl());
        assertEquals(5, endpoints.dataStandard());
    }

    @Test
    void dataManagementServiceDataUrlHasNoV3() throws Exception {
        Discovery.Endpoints endpoints = discovered("http://localhost:8080", "dms-release-candidate-1.json", NONE);

        assertEquals(URI.create("http://localhost:8080/data"), endpoints.dataUrl());
        assertEquals(URI.create("http://localhost:8080/oauth/token"), endpoints.tokenUrl());
        assertEquals(5, endpoints.dataStandard());
        assertEquals("Ed-Fi Alliance Data Management Service", endpoints.api());
    }

    @Test
    void meadowlarkTokenAndDataLieUnderItsStage() throws Exception {
        Discovery.Endpoints endpoints = discovered("http://localhost:3000/local", "meadowlark-0.4.json", NONE);

        assertEquals(URI.create("http://localhost:3000/local/oauth/token"), endpoints.tokenUrl());
        assertEquals(URI.create("http://localhost:3000/local/v3.3b"), endpoints.dataUrl());
        assertEquals(3, endpoints.dataStandard());
        assertEquals("Ed-Fi API 1.0.0 (SharedInstance)", endpoints.api());
    }

    @Test
    void noDocumentFallsBackToTheRootAndSaysSoOnce() {
        Discovery.Endpoints endpoints = Discovery.endpoints(URI.create("https://ods.example.org/api/"), 404, null, "",
                NONE, SCHOOL_YEAR);

        assertEquals(URI.create("https://ods.example.org/api/oauth/token"), endpoints.tokenUrl());
        assertEquals(URI.create("https://ods.example.org/api/data/v3"), endpoints.dataUrl());
        assertEquals(4, endpoints.dataStandard());
        assertEquals(1, endpoints.notes().size());
        assertTrue(endpoints.notes().get(0).startsWith("No discovery document at https://ods.example.org/api/ (HTTP 404)"),
                endpoints.notes().get(0));
    }

    @Test
    void anHtmlPageIsNoDocument() {
        Discovery.Endpoints endpoints = Discovery.endpoints(URI.create("https://ods.example.org/api"), 200,
                "text/html; charset=utf-8", "<html><body>IIS</body></html>", NONE, SCHOOL_YEAR);

        assertTrue(endpoints.notes().get(0).contains("(not JSON but text/html)"), endpoints.notes().get(0));
        assertEquals(URI.create("https://ods.example.org/api/data/v3"), endpoints.dataUrl());
    }

    /** The one note of endpoints found from a JSON answer that is no discovery document. */
    private static String noteOnNoDocument(String body) {
        List<String> notes = Discovery.endpoints(URI.create("https://ods.example.org/api"), 200, JSON, body, NONE,
                SCHOOL_YEAR).notes();
        assertEquals(1, notes.size(), notes.toString());
        return notes.get(0);
    }

    @Test
    void jsonWithoutUrlsIsNoDocument() {
        String note = noteOnNoDocument("{\"status\":\"ok\"}");

        assertTrue(note.contains("(no urls in it)"), note);
    }

    @Test
    void jsonThatIsNoObjectIsNoDocument() {
        String note = noteOnNoDocument("[{\"urls\":{}}]");

        assertTrue(note.contains("(not JSON)"), note);
    }

    @Test
    void aDocumentCutShortIsNotJson() {
        String note = noteOnNoDocument("{\"version\":\"6.2\",\"urls\":{\"oauth\":\"https://h/oauth/tok");

        assertTrue(note.contains("(not JSON)"), note);
    }

    @Test
    void aUrlThatIsNoStringIsAsAbsent() {
        String document = document("{\"name\":\"Ed-Fi\",\"version\":\"4.0.0\"}",
                "\"oauth\":42,\"dataManagementApi\":null,\"dependencies\":{\"nested\":\"x\"}");

        Discovery.Endpoints endpoints = Discovery.endpoints(URI.create("https://h/api"), 200, JSON, document, NONE, SCHOOL_YEAR);

        assertEquals(URI.create("https://h/api/oauth/token"), endpoints.tokenUrl());
        assertEquals(URI.create("https://h/api/data/v3"), endpoints.dataUrl());
    }

    @Test
    void numbersAndNestedValuesOfTheDocumentAreReadAsTheirText() {
        String document = "{\"version\":7.1,\"suite\":3,\"apiMode\":null,\"features\":[{\"name\":\"x\"}],"
                + "\"dataModels\":[\"Ed-Fi\",{\"name\":\"Ed-Fi\",\"version\":5,\"extra\":{\"a\":1}}],"
                + "\"urls\":{\"oauth\":\"https://h/oauth/token\",\"dataManagementApi\":\"https://h/data/v3/\"}}";

        Discovery.Endpoints endpoints = Discovery.endpoints(URI.create("https://h"), 200, JSON, document, NONE, SCHOOL_YEAR);

        assertEquals("ODS/API 7.1", endpoints.api());
        assertEquals(5, endpoints.dataStandard());
    }

    @Test
    void overridesApplyWithoutADocument() {
        Discovery.Endpoints endpoints = Discovery.endpoints(URI.create("https://ods.example.org/api"), 404, null, null,
                new Discovery.Overrides("https://ods.example.org/auth/token", "https://ods.example.org/api/data/v3/2027", null, 5),
                SCHOOL_YEAR);

        assertEquals(URI.create("https://ods.example.org/auth/token"), endpoints.tokenUrl());
        assertEquals(URI.create("https://ods.example.org/api/data/v3/2027"), endpoints.dataUrl());
        assertEquals(5, endpoints.dataStandard());
    }

    @Test
    void dataStandardSettingWinsAndOneWarningNamesBoth() throws Exception {
        Discovery.Endpoints endpoints = discovered("https://api.ed-fi.org/v7.0/api", "odsapi-7.0-shared.json",
                new Discovery.Overrides(null, null, null, 4));

        assertEquals(4, endpoints.dataStandard());
        assertEquals(1, endpoints.warnings().size());
        assertTrue(endpoints.warnings().get(0).startsWith("CTE_ODS_DATA_STANDARD=4 but"), endpoints.warnings().get(0));
        assertTrue(endpoints.warnings().get(0).contains("serves Data Standard 5.0.0"), endpoints.warnings().get(0));
    }

    @Test
    void dataStandardSettingThatAgreesWarnsNothing() throws Exception {
        Discovery.Endpoints endpoints = discovered("https://api.ed-fi.org/v7.0/api", "odsapi-7.0-shared.json",
                new Discovery.Overrides(null, null, null, 5));

        assertEquals(List.of(), endpoints.warnings());
    }

    @ParameterizedTest
    @CsvSource({"3.3.1-b, 3", "3.3.0-a, 3", "4.0.0, 4", "5.0.0, 5", "5.2.0, 5", "6.0.0, 5"})
    void dataModelVersionGivesTheDataStandard(String version, int dataStandard) {
        String document = document("{\"name\":\"Ed-Fi\",\"version\":\"" + version + "\"}",
                "\"oauth\":\"https://h/oauth/token\",\"dataManagementApi\":\"https://h/data/v3/\"");

        assertEquals(dataStandard, Discovery.endpoints(URI.create("https://h"), 200, JSON, document, NONE, SCHOOL_YEAR)
                .dataStandard());
    }

    @Test
    void noEdFiDataModelGivesDataStandard4() {
        String document = document("{\"name\":\"TPDM\",\"version\":\"1.1.0\"}",
                "\"oauth\":\"https://h/oauth/token\",\"dataManagementApi\":\"https://h/data/v3/\"");

        assertEquals(4, Discovery.endpoints(URI.create("https://h"), 200, JSON, document, NONE, SCHOOL_YEAR).dataStandard());
    }

    @Test
    void dataStandard2IsRefused() {
        String document = document("{\"name\":\"Ed-Fi\",\"version\":\"2.0\"}",
                "\"oauth\":\"https://h/oauth/token\",\"dataManagementApi\":\"https://h/data/v3/\"");

        assertThrows(SettingException.class,
                () -> Discovery.endpoints(URI.create("https://h"), 200, JSON, document, NONE, SCHOOL_YEAR));
    }

    @Test
    void dataUrlWithOrWithoutTrailingSlashIsTheSame() {
        String withSlash = document("", "\"oauth\":\"https://h/oauth/token\",\"dataManagementApi\":\"https://h/data/v3/\"");
        String withoutSlash = document("", "\"oauth\":\"https://h/oauth/token\",\"dataManagementApi\":\"https://h/data/v3\"");

        assertEquals(Discovery.endpoints(URI.create("https://h"), 200, JSON, withSlash, NONE, SCHOOL_YEAR).dataUrl(),
                Discovery.endpoints(URI.create("https://h"), 200, JSON, withoutSlash, NONE, SCHOOL_YEAR).dataUrl());
    }

    @Test
    void anOverrideThatIsNoUrlNamesItsVariable() {
        SettingException refused = assertThrows(SettingException.class, () -> Discovery.endpoints(
                URI.create("https://h"), 404, null, null, new Discovery.Overrides(null, "ods.example.org/data/v3", null, null),
                SCHOOL_YEAR));

        assertTrue(refused.getMessage().startsWith("CTE_ODS_DATA_URL must be an http or https URL"), refused.getMessage());
    }

    @Test
    void aDocumentUrlThatIsNoUrlNamesTheOverrides() {
        String document = document("", "\"oauth\":\"https://h/oauth/token\",\"dataManagementApi\":\"https://h/data v3/\"");

        SettingException refused = assertThrows(SettingException.class,
                () -> Discovery.endpoints(URI.create("https://h"), 200, JSON, document, NONE, SCHOOL_YEAR));

        assertTrue(refused.getMessage().endsWith("set CTE_ODS_TOKEN_URL and CTE_ODS_DATA_URL"), refused.getMessage());
    }

    @Test
    void describeNamesApiTokenDataAndDataStandard() throws Exception {
        Discovery.Endpoints endpoints = discovered("https://ods.example.org/api", "odsapi-5.3-year-specific.json", NONE);

        assertEquals("ODS/API 5.3 (Year Specific), token https://ods.example.org/api/oauth/token, data "
                + "https://ods.example.org/api/data/v3/2027, Data Standard 3", endpoints.describe());
    }

    @Test
    void documentUrlIsTheRootWithOneTrailingSlash() {
        assertEquals(URI.create("https://h/api/tenant1/2027/"), Discovery.documentUrl(URI.create("https://h/api/tenant1/2027")));
        assertEquals(URI.create("https://h/api/"), Discovery.documentUrl(URI.create("https://h/api//")));
    }
}
