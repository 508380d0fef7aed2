package nm.cte.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import javax.sql.DataSource;

import nm.cte.domain.SchoolYear;

/**
 * A deterministic New Mexico school district in the PowerSchool tables of the contract, built case by case on purpose:
 * it tells what it made of each student ({@link GeneratedStudent}), never what a run must decide of it.
 *
 * <p>District: LEA {@code ' 001 '} (ids 35001xxx); year term FIRSTDAY Aug 10, LASTDAY May 28. Schools
 * (SCHOOL_NUMBER): 520 Sandia Crest HS, 540 Rio Puerco HS, 560 Valle del Sol HS, 410 Cibola Mesa MS, 1590 Pathways
 * Alternative HS (ALTERNATE_SCHOOL_NUMBER 590), 1001 Sandia Valley eAcademy (no alternate: an invalid building), 905
 * Desert Willow Treatment Center School (excluded from state reporting), 999999 Graduated Students; 530 has no
 * SCHOOLS row.
 *
 * <p>The first students are these scenarios ({@link Case#SCENARIO}), the same for every size and seed (STUDENT_NUMBER
 * = 200000 + the last two digits of the state id; the STUDENTS period first, then each REENROLLMENTS period):
 * <pre>
 * state id     case
 * 100000001    full-year participant, in-progress credential
 * 100000002    credential earned in the year, CTEPROGRAMCOMPLETER 1
 * 100000003    3 credentials: last year's completer row does not count
 * 100000004    only credential earned on FIRSTDAY
 * 100000005    only credential earned on LASTDAY
 * 100000006    only credential earned the day before FIRSTDAY
 * 100000007    only credential earned the day after LASTDAY
 * 100000008    no credential
 * 100000009    transfer: STATUS 2, SCHOOLID 999999, ENROLLMENT_SCHOOLID 540
 * 100000010    transfer: STATUS 2, SCHOOLID 520, ENROLLMENT_SCHOOLID 905
 * 100000011    transfer: STATUS 2, SCHOOLID 560, ENROLLMENT_SCHOOLID 530
 * 100000012    not a transfer: STATUS 0, SCHOOLID 560, ENROLLMENT_SCHOOLID 905
 * 100000013    STATUS 2, ENROLLMENT_SCHOOLID NULL, SCHOOLID 540
 * 100000014    moved 520 to 560 on Jan 5
 * 100000015    re-enrollment last year at the middle school 410
 * 100000016    re-enrollment last year at the excluded school 905
 * 100000017    re-enrollment this year at the excluded school 905
 * 100000018    re-enrollment this year at 530 (no SCHOOLS row)
 * 100000019    re-enrollment this year that was a no-show
 * 100000020    LOCATIONCODE '045'
 * 100000021    LOCATIONCODE ' 7 '
 * 100000022    LOCATIONCODE 'AB'
 * 100000023    LOCATIONCODE '   ' (no override) at 540
 * 100000024    S_NM_STU_X row with LOCATIONCODE NULL
 * 100000025    alternative school 1590, ALTERNATE_SCHOOL_NUMBER 590
 * 100000026    eAcademy 1001, no alternate number
 * 100000027    eAcademy 1001 with LOCATIONCODE '520'
 * 100000028    LOCATIONCODE '045' at the excluded school 905
 * 100000029    LOCATIONCODE '000'
 * 100000030    STATE_EXCLUDEFROMREPORTING 1
 * 100000031    excluded student at 530 (no SCHOOLS row)
 * 100000032    enrolled at the excluded school 905
 * 100000033    SCHOOLID 530, no SCHOOLS row
 * NULL         STATE_STUDENTNUMBER NULL (STUDENT_NUMBER 200034)
 * '   '        STATE_STUDENTNUMBER blank (STUDENT_NUMBER 200035)
 * '   '        blank state id at the eAcademy 1001 (STUDENT_NUMBER 200036)
 * 0...0100000037  33 characters (24 zeros, then 100000037)
 * 0...0100000038  32 characters (23 zeros, then 100000038)
 * ' 100000039 '   padded with spaces
 * 100000040    ENTRYDATE NULL
 * 100000041    no-show (EXITDATE = ENTRYDATE)
 * '   '        no-show at the excluded school, blank id (STUDENT_NUMBER 200042)
 * 100000043    ENTRYDATE the day before FIRSTDAY
 * 100000044    pre-registered for next year; this year's period re-enrolled
 * 100000045    ENTRYDATE on LASTDAY
 * 100000046    re-enrollment with the same ENTRYDATE and school
 * 100000047    re-enrollment with the same ENTRYDATE at another school
 * </pre>
 *
 * <p>After them come random students (from the seed) until the size is reached, each an ordinary participant or given
 * one of the cases above on purpose ({@link Case}), and some students who are not CTE participants.
 */
public final class DemoDistrict {

    private static final String SCHEMA = "demo/powerschool-schema.sql";
    private static final int MINIMUM_PERIODS = 100;
    private static final int STUDENTS_PER_COMMIT = 2_000;
    /**
     * The indexes PowerSchool has on the keys that REENROLLMENTS and the credentials are read by (the contract lists
     * columns, not indexes); without them every query that joins a student to its rows scans the whole table.
     */
    private static final List<String> INDEXES = List.of(
            "CREATE INDEX REENROLLMENTS_STUDENTID_IX ON REENROLLMENTS (STUDENTID)",
            "CREATE INDEX INDUSTRYCRED_STUDENTSDCID_IX ON S_NM_STU_INDUSTRYCRED_C (STUDENTSDCID)");

    private static final int SANDIA_CREST = 520;
    private static final int RIO_PUERCO = 540;
    private static final int VALLE_DEL_SOL = 560;
    private static final int CIBOLA_MESA = 410;
    private static final int PATHWAYS = 1590;
    private static final int EACADEMY = 1001;
    private static final int DESERT_WILLOW = 905;
    private static final int GRADUATED = 999999;
    /** A school deleted while students were still enrolled in it: it has no SCHOOLS row. */
    private static final int CLOSED = 530;

    private static final List<School> SCHOOLS = List.of(
            new School(1, SANDIA_CREST, null, "Sandia Crest High School", 0),
            new School(2, RIO_PUERCO, 0, "Rio Puerco High School", null),
            new School(3, VALLE_DEL_SOL, null, "Valle del Sol High School", 0),
            new School(4, CIBOLA_MESA, null, "Cibola Mesa Middle School", 0),
            new School(5, PATHWAYS, 590, "Pathways Alternative High School", 0),
            new School(6, EACADEMY, null, "Sandia Valley eAcademy", null),
            new School(7, DESERT_WILLOW, null, "Desert Willow Treatment Center School", 1),
            new School(8, GRADUATED, 0, "Graduated Students", 0));

    // Weighted by repetition: where random students are enrolled, where a transfer leaves SCHOOLID, where a mover came from
    // (the excluded school is a case of its own: LEFT_EXCLUDED_SCHOOL).
    private static final int[] HOME_SCHOOLS = {SANDIA_CREST, SANDIA_CREST, SANDIA_CREST, RIO_PUERCO, RIO_PUERCO,
            RIO_PUERCO, VALLE_DEL_SOL, VALLE_DEL_SOL, VALLE_DEL_SOL, PATHWAYS, EACADEMY};
    private static final int[] TRANSFER_SCHOOLIDS = {GRADUATED, GRADUATED, GRADUATED, GRADUATED, GRADUATED, GRADUATED,
            GRADUATED, SANDIA_CREST, VALLE_DEL_SOL, DESERT_WILLOW};
    private static final int[] MOVED_FROM = {SANDIA_CREST, RIO_PUERCO, VALLE_DEL_SOL, PATHWAYS};
    // eAcademy students are reported at the building of their home high school
    private static final String[] EACADEMY_LOCATIONS = {"520", "540", "560"};
    private static final String[] OVERRIDE_LOCATIONS = {"045", " 7 ", "520", "590"};
    private static final String[] BAD_LOCATIONS = {"AB", "000", "X7", "0"};

    private static final String[] FIRST_NAMES = {"Elena", "Mateo", "Isabella", "Santiago", "Sofia", "Diego", "Camila",
            "Gabriel", "Valeria", "Adrian", "Ximena", "Joaquin", "Lucia", "Emilio", "Natalia", "Andres", "Aaliyah",
            "Tristan", "Jaylene", "Kaden", "Shandiin", "Ahiga", "Naomi", "Dezbah", "Kiona", "Nizhoni", "Emma", "Liam",
            "Olivia", "Noah", "Ava", "Ethan", "Mia", "Caleb", "Harper", "Wyatt", "Abigail", "Jacob", "Madison", "Josiah"};
    private static final String[] LAST_NAMES = {"Garcia", "Martinez", "Chavez", "Sanchez", "Romero", "Lucero", "Baca",
            "Trujillo", "Montoya", "Gallegos", "Archuleta", "Vigil", "Apodaca", "Maestas", "Sandoval", "Padilla",
            "Lovato", "Armijo", "Tafoya", "Otero", "Jaramillo", "Aragon", "Gurule", "Begay", "Yazzie", "Tsosie",
            "Benally", "Nez", "Etsitty", "Chee", "Lente", "Chino", "Pino", "Manygoats", "Smith", "Johnson", "Williams",
            "Brown", "Miller", "Anderson", "Taylor", "Thompson", "Wilson", "Moore"};
    private static final String[] CREDENTIAL_CODES = {"SERVSAFE-FH", "OSHA-10", "ASE-ENTRY-MR", "CNA", "NCCER-CORE",
            "MOS-EXCEL", "COMPTIA-ITF", "ADOBE-PS", "AWS-SENSE", "AHA-CPR", "NREMT-EMR", "AUTODESK-CAD"};
    private static final String[] DELIVERY_METHODS = {"IS", "IS", "CG"};

    private final int schoolYearEnding;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final int daysInYear;
    private final Consumer<GeneratedStudent> generated;
    private int students;
    private int periods;
    private int randomStudents;

    private DemoDistrict(int schoolYearEnding, Consumer<GeneratedStudent> generated) {
        this.schoolYearEnding = schoolYearEnding;
        this.generated = generated;
        this.firstDay = firstDayOf(schoolYearEnding);
        this.lastDay = lastDayOf(schoolYearEnding);
        this.daysInYear = (int) ChronoUnit.DAYS.between(firstDay, lastDay);
    }

    /**
     * Creates the contract's tables in the empty database {@code db} and fills them with {@code enrollmentPeriods}
     * candidate enrollment periods (at least 100) of the school year ending in {@code schoolYearEnding}.
     */
    public static DemoDistrict generate(DataSource db, int enrollmentPeriods, int schoolYearEnding, long seed)
            throws SQLException {
        return generate(db, enrollmentPeriods, schoolYearEnding, seed, student -> { });
    }

    /**
     * As {@link #generate(DataSource, int, int, long)}, telling {@code generated} what was made of each student as it
     * is written, so that no size is held in memory.
     */
    public static DemoDistrict generate(DataSource db, int enrollmentPeriods, int schoolYearEnding, long seed,
            Consumer<GeneratedStudent> generated) throws SQLException {
        if (enrollmentPeriods < MINIMUM_PERIODS) {
            throw new IllegalArgumentException("a demo district has at least " + MINIMUM_PERIODS
                    + " enrollment periods, not " + enrollmentPeriods);
        }
        DemoDistrict district = new DemoDistrict(schoolYearEnding, generated);
        try (Connection connection = db.getConnection()) {
            execute(connection, schemaStatements());
            connection.setAutoCommit(false);
            district.writeDistrict(connection);
            try (Writer writer = new Writer(connection)) {
                for (Student scenario : district.scenarios()) {
                    district.add(scenario, writer);
                }
                SplittableRandom random = new SplittableRandom(seed);
                while (district.periods < enrollmentPeriods) {
                    district.add(district.randomCandidate(random, enrollmentPeriods - district.periods), writer);
                    if (random.nextInt(100) < 15) {
                        district.add(district.randomNonCandidate(random), writer);
                    }
                }
                writer.flush();
            }
            // built once after the rows: cheaper than keeping them up to date row by row
            execute(connection, INDEXES);
        }
        return district;
    }

    /** The students written, CTE participants or not. */
    public int students() {
        return students;
    }

    /** The enrollment periods of the CTE participants written: the STUDENTS period and every REENROLLMENTS period. */
    public int enrollmentPeriods() {
        return periods;
    }

    private static LocalDate firstDayOf(int schoolYearEnding) {
        return LocalDate.of(schoolYearEnding - 1, 8, 10);
    }

    private static LocalDate lastDayOf(int schoolYearEnding) {
        return LocalDate.of(schoolYearEnding, 5, 28);
    }

    private static void execute(Connection connection, List<String> ddl) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> schemaStatements() {
        try (InputStream in = DemoDistrict.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is not on the classpath");
            }
            // comments go first: they contain semicolons
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "");
            return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeDistrict(Connection connection) throws SQLException {
        try (PreparedStatement schools = connection.prepareStatement(
                "INSERT INTO SCHOOLS (DCID, ID, SCHOOL_NUMBER, ALTERNATE_SCHOOL_NUMBER, NAME, STATE_EXCLUDEFROMREPORTING) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (School school : SCHOOLS) {
                schools.setInt(1, school.dcid());
                schools.setInt(2, school.dcid());
                schools.setInt(3, school.number());
                schools.setObject(4, school.alternate(), Types.INTEGER);
                schools.setString(5, school.name());
                schools.setObject(6, school.excluded(), Types.INTEGER);
                schools.addBatch();
            }
            schools.executeBatch();
        }
        try (PreparedStatement terms = connection.prepareStatement(
                "INSERT INTO TERMS (DCID, ID, YEARID, SCHOOLID, NAME, FIRSTDAY, LASTDAY, ISYEARREC) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int yearId = SchoolYear.yearIdOf(schoolYearEnding);
            LocalDate semesterBreak = LocalDate.of(schoolYearEnding - 1, 12, 18);
            LocalDate secondSemester = LocalDate.of(schoolYearEnding, 1, 5);
            addTerm(terms, 1, yearId - 1, 0, (schoolYearEnding - 2) + "-" + (schoolYearEnding - 1), 0,
                    firstDayOf(schoolYearEnding - 1), lastDayOf(schoolYearEnding - 1), true);
            addTerm(terms, 2, yearId, 0, (schoolYearEnding - 1) + "-" + schoolYearEnding, 0, firstDay, lastDay, true);
            addTerm(terms, 3, yearId, 0, "S1", 1, firstDay, semesterBreak, false);
            addTerm(terms, 4, yearId, 0, "S2", 2, secondSemester, lastDay, false);
            terms.executeBatch();
        }
        try (PreparedStatement prefs = connection.prepareStatement(
                "INSERT INTO PREFS (DCID, NAME, \"VALUE\", SCHOOLID, YEARID) VALUES (?, ?, ?, ?, NULL)")) {
            addPref(prefs, 1, "DistrictNumber", " 001 ", 0);
            addPref(prefs, 2, "DistrictName", "Sandia Valley Schools", 0);
            // a school-level copy, spelled differently: the district-wide row is the one to read (D4)
            addPref(prefs, 3, "DistrictNumber", "1", SANDIA_CREST);
            prefs.executeBatch();
        }
        connection.commit();
    }

    private static void addTerm(PreparedStatement terms, int dcid, int yearId, int schoolId, String name, int idSuffix,
            LocalDate first, LocalDate last, boolean yearRecord) throws SQLException {
        terms.setInt(1, dcid);
        terms.setInt(2, yearId * 100 + idSuffix);
        terms.setInt(3, yearId);
        terms.setInt(4, schoolId);
        terms.setString(5, name);
        terms.setObject(6, first, Types.DATE);
        terms.setObject(7, last, Types.DATE);
        terms.setInt(8, yearRecord ? 1 : 0);
        terms.addBatch();
    }

    private static void addPref(PreparedStatement prefs, int dcid, String name, String value, int schoolId)
            throws SQLException {
        prefs.setInt(1, dcid);
        prefs.setString(2, name);
        prefs.setString(3, value);
        prefs.setInt(4, schoolId);
        prefs.addBatch();
    }

    private void add(Student student, Writer writer) throws SQLException {
        long studentNumber = writer.write(student);
        List<Case> cases = new ArrayList<>();
        if (student.participant) {
            cases.add(student.enrollment);
            student.reenrollments.forEach(period -> cases.add(period.made()));
        }
        students++;
        periods += cases.size();
        generated.accept(new GeneratedStudent(studentNumber, cases));
    }

    /** D5's school of the STUDENTS period, which the credential rows are recorded at: a transfer's ENROLLMENT_SCHOOLID. */
    private static int enrollmentSchool(Student student) {
        boolean transfer = student.status == 2 && student.enrollmentSchool != null
                && student.enrollmentSchool != student.school;
        return transfer ? student.enrollmentSchool : student.school;
    }

    private List<Student> scenarios() {
        LocalDate lastYear = firstDayOf(schoolYearEnding - 1);
        LocalDate afterLastYear = lastDayOf(schoolYearEnding - 1).plusDays(1);
        LocalDate october = LocalDate.of(schoolYearEnding - 1, 10, 20);
        LocalDate november = LocalDate.of(schoolYearEnding - 1, 11, 3);
        LocalDate january = LocalDate.of(schoolYearEnding, 1, 5);
        LocalDate afterYear = lastDay.plusDays(1);
        return List.of(
                scenario(1, "Elena", "Montoya", 10, SANDIA_CREST),
                scenario(2, "Mateo", "Chavez", 12, RIO_PUERCO)
                        .credentials(new Credential(november, "CNA", "IS", 1)),
                scenario(3, "Shandiin", "Begay", 12, VALLE_DEL_SOL).credentials(
                        new Credential(lastYear.plusDays(40), "SERVSAFE-FH", "IS", 1),
                        new Credential(october, "OSHA-10", "IS", 0),
                        new Credential(null, "ASE-ENTRY-MR", "CG", 0)),
                scenario(4, "Isabella", "Lucero", 11, SANDIA_CREST)
                        .credentials(new Credential(firstDay, "OSHA-10", "IS", 0)),
                scenario(5, "Santiago", "Baca", 11, RIO_PUERCO)
                        .credentials(new Credential(lastDay, "MOS-EXCEL", "IS", 1)),
                scenario(6, "Sofia", "Trujillo", 10, SANDIA_CREST).notAParticipant()
                        .credentials(new Credential(firstDay.minusDays(1), "AHA-CPR", "IS", 0)),
                scenario(7, "Diego", "Gallegos", 12, VALLE_DEL_SOL).notAParticipant()
                        .credentials(new Credential(afterYear, "NREMT-EMR", "CG", 1)),
                scenario(8, "Camila", "Vigil", 9, RIO_PUERCO).notAParticipant().credentials(),
                scenario(9, "Gabriel", "Yazzie", 11, GRADUATED).status(2, RIO_PUERCO).entered(firstDay, january),
                scenario(10, "Valeria", "Sandoval", 10, SANDIA_CREST).status(2, DESERT_WILLOW).entered(firstDay, october),
                scenario(11, "Adrian", "Archuleta", 12, VALLE_DEL_SOL).status(2, CLOSED).entered(firstDay, october),
                scenario(12, "Ximena", "Padilla", 9, VALLE_DEL_SOL).status(0, DESERT_WILLOW),
                scenario(13, "Joaquin", "Tsosie", 10, RIO_PUERCO).status(2, null).entered(firstDay, november),
                scenario(14, "Lucia", "Maestas", 11, VALLE_DEL_SOL).entered(january, afterYear)
                        .reenrolled(Case.SCENARIO, SANDIA_CREST, 11, firstDay, january),
                scenario(15, "Emilio", "Armijo", 9, SANDIA_CREST)
                        .reenrolled(Case.SCENARIO, CIBOLA_MESA, 8, lastYear, afterLastYear),
                scenario(16, "Natalia", "Benally", 11, RIO_PUERCO)
                        .reenrolled(Case.SCENARIO, DESERT_WILLOW, 10, lastYear, afterLastYear),
                scenario(17, "Andres", "Tafoya", 10, VALLE_DEL_SOL).entered(november, afterYear)
                        .reenrolled(Case.SCENARIO, DESERT_WILLOW, 10, firstDay, november),
                scenario(18, "Aaliyah", "Otero", 12, SANDIA_CREST).entered(october, afterYear)
                        .reenrolled(Case.SCENARIO, CLOSED, 12, firstDay, october),
                scenario(19, "Tristan", "Nez", 9, RIO_PUERCO).entered(october, afterYear)
                        .reenrolled(Case.SCENARIO, VALLE_DEL_SOL, 9, firstDay, firstDay),
                scenario(20, "Jaylene", "Jaramillo", 11, SANDIA_CREST).location("045"),
                scenario(21, "Kaden", "Aragon", 10, RIO_PUERCO).location(" 7 "),
                scenario(22, "Dezbah", "Etsitty", 12, VALLE_DEL_SOL).location("AB"),
                scenario(23, "Ahiga", "Chee", 9, RIO_PUERCO).location("   "),
                scenario(24, "Naomi", "Gurule", 10, SANDIA_CREST).location(null),
                scenario(25, "Kiona", "Lente", 11, PATHWAYS),
                scenario(26, "Nizhoni", "Chino", 12, EACADEMY),
                scenario(27, "Emma", "Smith", 10, EACADEMY).location("520"),
                scenario(28, "Liam", "Johnson", 11, DESERT_WILLOW).location("045"),
                scenario(29, "Olivia", "Pino", 9, VALLE_DEL_SOL).location("000"),
                scenario(30, "Noah", "Williams", 12, SANDIA_CREST).excluded(1),
                scenario(31, "Ava", "Brown", 10, CLOSED).excluded(1),
                scenario(32, "Ethan", "Miller", 11, DESERT_WILLOW),
                scenario(33, "Mia", "Anderson", 9, CLOSED),
                scenario(34, "Caleb", "Taylor", 10, RIO_PUERCO).stateId(null),
                scenario(35, "Harper", "Thompson", 11, VALLE_DEL_SOL).stateId("   "),
                scenario(36, "Wyatt", "Wilson", 12, EACADEMY).stateId("   "),
                scenario(37, "Abigail", "Moore", 10, SANDIA_CREST).stateId("0".repeat(24) + "100000037"),
                scenario(38, "Jacob", "Manygoats", 11, RIO_PUERCO).stateId("0".repeat(23) + "100000038"),
                scenario(39, "Madison", "Garcia", 9, VALLE_DEL_SOL).stateId(" 100000039 "),
                scenario(40, "Josiah", "Martinez", 12, SANDIA_CREST).entered(null, afterYear),
                scenario(41, "Elena", "Sanchez", 9, RIO_PUERCO).entered(october, october),
                scenario(42, "Mateo", "Romero", 10, DESERT_WILLOW).stateId("   ").entered(october, october),
                scenario(43, "Sofia", "Apodaca", 11, VALLE_DEL_SOL).entered(firstDay.minusDays(1), afterYear),
                scenario(44, "Diego", "Lovato", 10, SANDIA_CREST).status(-1, SANDIA_CREST)
                        .entered(firstDayOf(schoolYearEnding + 1), lastDayOf(schoolYearEnding + 1).plusDays(1))
                        .reenrolled(Case.SCENARIO, SANDIA_CREST, 10, firstDay, afterYear),
                scenario(45, "Camila", "Padilla", 12, RIO_PUERCO).entered(lastDay, afterYear),
                scenario(46, "Gabriel", "Montoya", 11, VALLE_DEL_SOL)
                        .reenrolled(Case.SCENARIO, VALLE_DEL_SOL, 11, firstDay, afterYear),
                scenario(47, "Valeria", "Chavez", 10, SANDIA_CREST)
                        .reenrolled(Case.SCENARIO, RIO_PUERCO, 10, firstDay, afterYear));
    }

    /** A full-year student with one in-progress credential; the scenario's number is the end of its state id. */
    private Student scenario(int number, String firstName, String lastName, int grade, int school) {
        Student student = new Student(String.valueOf(100_000_000 + number), firstName, lastName, grade, school,
                firstDay, lastDay.plusDays(1));
        return student.made(Case.SCENARIO)
                .credentials(new Credential(null, CREDENTIAL_CODES[number % CREDENTIAL_CODES.length], "IS", 0));
    }

    /** A CTE participant with at most {@code periodsLeft} enrollment periods. */
    private Student randomCandidate(SplittableRandom random, int periodsLeft) {
        Student student = randomStudent(random, pick(random, HOME_SCHOOLS), 9 + random.nextInt(4));
        int completerPercent = student.grade == 12 ? 30 : 5;
        student.credentials.add(randomCredential(random, random.nextInt(10) < 4 ? null : randomDayInYear(random),
                completerPercent));
        for (int extra = random.nextInt(100) < 30 ? 1 + random.nextInt(2) : 0; extra > 0; extra--) {
            // earlier years' credentials stay on record; they do not count (D2)
            LocalDate earned = random.nextBoolean() ? firstDay.minusDays(1 + random.nextInt(700)) : randomDayInYear(random);
            student.credentials.add(randomCredential(random, earned, completerPercent));
        }
        if (random.nextInt(100) < 10) {
            int school = student.grade == 9 ? CIBOLA_MESA : random.nextInt(20) == 0 ? DESERT_WILLOW : student.school;
            student.reenrolled(Case.LAST_YEAR, school, student.grade - 1, firstDayOf(schoolYearEnding - 1),
                    lastDayOf(schoolYearEnding - 1).plusDays(1));
        }
        twist(random, student);
        while (student.reenrollments.size() >= periodsLeft) {
            student.reenrollments.remove(student.reenrollments.size() - 1);
        }
        return student;
    }

    /** Gives a random student one of the cases of the scenarios, or none, in proportion, and labels what it made. */
    private void twist(SplittableRandom random, Student student) {
        switch (Twist.pick(random)) {
            case NONE -> {
                LocalDate moved = student.entry.plusDays(15 + random.nextInt(100));
                if (random.nextInt(100) < 6 && moved.isBefore(lastDay)) {
                    if (random.nextInt(5) == 0) {
                        student.reenrolled(Case.LEFT_EXCLUDED_SCHOOL, DESERT_WILLOW, student.grade, student.entry, moved);
                    } else {
                        student.reenrolled(Case.MOVED_AWAY, pick(random, MOVED_FROM), student.grade, student.entry, moved);
                    }
                    student.entry = moved;
                }
            }
            case TRANSFER -> {
                LocalDate left = student.entry.plusDays(20 + random.nextInt(120));
                student.status(2, student.school).entered(student.entry, left.isAfter(lastDay) ? lastDay : left);
                student.school = pick(random, TRANSFER_SCHOOLIDS);
                student.made(Case.TRANSFER);
            }
            case NO_SHOW -> {
                student.exit = student.entry;
                student.made(Case.NO_SHOW);
            }
            case MISSING_ENTRY_DATE -> {
                student.entry = null;
                student.made(Case.MISSING_ENTRY_DATE);
            }
            case OUTSIDE_YEAR -> {
                if (random.nextBoolean()) {
                    student.entry = firstDay.minusDays(1 + random.nextInt(45)); // a summer bridge program
                    student.made(Case.BEFORE_YEAR);
                } else {
                    student.status(-1, student.school).entered(firstDayOf(schoolYearEnding + 1),
                            lastDayOf(schoolYearEnding + 1).plusDays(1));
                    student.made(Case.NEXT_YEAR);
                }
            }
            case STUDENT_EXCLUDED -> student.excluded(1).made(Case.STUDENT_EXCLUDED);
            case UNKNOWN_SCHOOL -> student.at(CLOSED).made(Case.CLOSED_SCHOOL);
            case EXCLUDED_SCHOOL -> student.at(DESERT_WILLOW).made(Case.EXCLUDED_SCHOOL);
            case MISSING_STUDENT_ID -> student.stateId(random.nextBoolean() ? null : "   ").made(Case.MISSING_STATE_ID);
            case LONG_STUDENT_ID -> student.stateId("0".repeat(24) + student.stateId).made(Case.OVERLONG_STATE_ID);
            case BAD_LOCATION -> student.location(pick(random, BAD_LOCATIONS)).made(Case.BAD_LOCATION);
            case NO_BUILDING -> student.at(EACADEMY).location(random.nextBoolean() ? null : "   ").made(Case.NO_BUILDING);
            case LOCATION_OVERRIDE -> student.location(pick(random, OVERRIDE_LOCATIONS)).made(Case.LOCATION_OVERRIDE);
            case DUPLICATE -> student.reenrolled(Case.REPEATED, student.school, student.grade, student.entry, student.exit);
        }
    }

    /** A student without a counting credential: in the tables, but not a CTE participant (D2). */
    private Student randomNonCandidate(SplittableRandom random) {
        boolean middleSchool = random.nextInt(5) == 0;
        Student student = middleSchool
                ? randomStudent(random, CIBOLA_MESA, 6 + random.nextInt(3))
                : randomStudent(random, pick(random, HOME_SCHOOLS), 9 + random.nextInt(4));
        if (random.nextInt(5) < 2) {
            LocalDate earned = random.nextBoolean()
                    ? firstDay.minusDays(1 + random.nextInt(365))
                    : lastDay.plusDays(1 + random.nextInt(30));
            student.credentials.add(randomCredential(random, earned, 5));
        }
        return student.notAParticipant();
    }

    private Student randomStudent(SplittableRandom random, int school, int grade) {
        // a bijection of the sequence onto 200000000..999999999: distinct, 9 digits, not in order
        String stateId = String.valueOf(200_000_000 + (++randomStudents * 7_919L + 104_729) % 800_000_000);
        LocalDate entry = random.nextInt(100) < 85 ? firstDay : firstDay.plusDays(random.nextInt(daysInYear - 20));
        Student student = new Student(stateId, pick(random, FIRST_NAMES), pick(random, LAST_NAMES), grade, school,
                entry, lastDay.plusDays(1));
        student.excluded(random.nextBoolean() ? null : 0);
        if (random.nextInt(20) == 0) {
            student.enrollmentSchool = null;
        }
        int extension = random.nextInt(100);
        if (school == EACADEMY) {
            student.location(pick(random, EACADEMY_LOCATIONS));
        } else if (extension < 25) {
            student.location(extension < 8 ? "   " : null);
        }
        return student;
    }

    private Credential randomCredential(SplittableRandom random, LocalDate earned, int completerPercent) {
        return new Credential(earned, pick(random, CREDENTIAL_CODES), pick(random, DELIVERY_METHODS),
                random.nextInt(100) < completerPercent ? 1 : 0);
    }

    private LocalDate randomDayInYear(SplittableRandom random) {
        return firstDay.plusDays(random.nextInt(daysInYear + 1));
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static int pick(SplittableRandom random, int[] values) {
        return values[random.nextInt(values.length)];
    }

    /** The cases of the scenarios that random students get, with their weight per 10,000 students. */
    private enum Twist {
        NONE(8_380), TRANSFER(400), NO_SHOW(150), MISSING_ENTRY_DATE(40), OUTSIDE_YEAR(150), STUDENT_EXCLUDED(100),
        UNKNOWN_SCHOOL(30), EXCLUDED_SCHOOL(200), MISSING_STUDENT_ID(100), LONG_STUDENT_ID(20), BAD_LOCATION(50),
        NO_BUILDING(200), LOCATION_OVERRIDE(150), DUPLICATE(30);

        private static final int TOTAL = Arrays.stream(values()).mapToInt(twist -> twist.weight).sum();
        private final int weight;

        Twist(int weight) {
            this.weight = weight;
        }

        static Twist pick(SplittableRandom random) {
            int ticket = random.nextInt(TOTAL);
            for (Twist twist : values()) {
                ticket -= twist.weight;
                if (ticket < 0) {
                    return twist;
                }
            }
            throw new AssertionError("weights add up to " + TOTAL);
        }
    }

    private record School(int dcid, int number, Integer alternate, String name, Integer excluded) {
    }

    /** A REENROLLMENTS row and the case it was made as. */
    private record Period(Case made, int school, int grade, LocalDate entry, LocalDate exit) {
    }

    private record Credential(LocalDate earned, String code, String deliveryMethod, int completer) {
    }

    /** A STUDENTS row with its REENROLLMENTS, S_NM_STU_X and S_NM_STU_INDUSTRYCRED_C rows, before it is written. */
    private static final class Student {
        String stateId;
        final String firstName;
        final String lastName;
        final int grade;
        int school;
        Integer enrollmentSchool;
        int status;
        LocalDate entry;
        LocalDate exit;
        Integer excluded;
        boolean hasExtension;
        String locationCode;
        final List<Period> reenrollments = new ArrayList<>();
        final List<Credential> credentials = new ArrayList<>();
        /** Whether it was made a CTE participant (D2): with a credential row in progress or earned this year. */
        boolean participant = true;
        /** The case its STUDENTS period was made as. */
        Case enrollment = Case.PARTICIPANT;

        Student(String stateId, String firstName, String lastName, int grade, int school, LocalDate entry, LocalDate exit) {
            this.stateId = stateId;
            this.firstName = firstName;
            this.lastName = lastName;
            this.grade = grade;
            this.entry = entry;
            this.exit = exit;
            at(school);
        }

        Student at(int schoolId) {
            this.school = schoolId;
            this.enrollmentSchool = schoolId;
            return this;
        }

        Student status(int enrollStatus, Integer enrollmentSchoolId) {
            this.status = enrollStatus;
            this.enrollmentSchool = enrollmentSchoolId;
            return this;
        }

        Student entered(LocalDate entryDate, LocalDate exitDate) {
            this.entry = entryDate;
            this.exit = exitDate;
            return this;
        }

        Student reenrolled(Case made, int schoolId, int gradeLevel, LocalDate entryDate, LocalDate exitDate) {
            reenrollments.add(new Period(made, schoolId, gradeLevel, entryDate, exitDate));
            return this;
        }

        Student made(Case made) {
            this.enrollment = made;
            return this;
        }

        Student notAParticipant() {
            this.participant = false;
            return this;
        }

        Student location(String code) {
            this.hasExtension = true;
            this.locationCode = code;
            return this;
        }

        Student excluded(Integer flag) {
            this.excluded = flag;
            return this;
        }

        Student stateId(String id) {
            this.stateId = id;
            return this;
        }

        Student credentials(Credential... rows) {
            credentials.clear();
            credentials.addAll(List.of(rows));
            return this;
        }
    }

    /** Writes students in JDBC batches, committing every few thousand rows so that no size is held in memory. */
    private static final class Writer implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement students;
        private final PreparedStatement reenrollments;
        private final PreparedStatement extensions;
        private final PreparedStatement credentials;
        private int studentCount;
        private int reenrollmentCount;
        private int credentialCount;
        private int unflushed;

        Writer(Connection connection) throws SQLException {
            this.connection = connection;
            this.students = connection.prepareStatement("INSERT INTO STUDENTS (DCID, ID, STUDENT_NUMBER, LAST_NAME,"
                    + " FIRST_NAME, GRADE_LEVEL, SCHOOLID, ENROLLMENT_SCHOOLID, ENROLL_STATUS, ENTRYDATE, EXITDATE,"
                    + " STATE_STUDENTNUMBER, STATE_EXCLUDEFROMREPORTING) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            this.reenrollments = connection.prepareStatement("INSERT INTO REENROLLMENTS (DCID, ID, STUDENTID, SCHOOLID,"
                    + " GRADE_LEVEL, ENTRYDATE, EXITDATE) VALUES (?, ?, ?, ?, ?, ?, ?)");
            this.extensions = connection.prepareStatement(
                    "INSERT INTO S_NM_STU_X (STUDENTSDCID, LOCATIONCODE) VALUES (?, ?)");
            this.credentials = connection.prepareStatement("INSERT INTO S_NM_STU_INDUSTRYCRED_C (ID, STUDENTSDCID,"
                    + " SCHOOLID, CREDENTIALEARNEDDATE, INDUSTRYCREDENTIALCODE, DELIVERYMETHODCODE, CTEPROGRAMCOMPLETER)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)");
        }

        /** Adds the student's rows to the batch and answers its STUDENT_NUMBER. */
        long write(Student student) throws SQLException {
            // ID, DCID and STUDENT_NUMBER differ, so that a join on the wrong one finds nothing or someone else
            int id = ++studentCount;
            int dcid = 100_000 + id;
            students.setInt(1, dcid);
            students.setInt(2, id);
            students.setLong(3, 200_000L + id);
            students.setString(4, student.lastName);
            students.setString(5, student.firstName);
            students.setInt(6, student.grade);
            students.setInt(7, student.school);
            students.setObject(8, student.enrollmentSchool, Types.INTEGER);
            students.setInt(9, student.status);
            students.setObject(10, student.entry, Types.DATE);
            students.setObject(11, student.exit, Types.DATE);
            students.setString(12, student.stateId);
            students.setObject(13, student.excluded, Types.INTEGER);
            students.addBatch();
            for (Period period : student.reenrollments) {
                int reenrollmentId = ++reenrollmentCount;
                reenrollments.setInt(1, 100_000 + reenrollmentId);
                reenrollments.setInt(2, reenrollmentId);
                reenrollments.setInt(3, id);
                reenrollments.setInt(4, period.school());
                reenrollments.setInt(5, period.grade());
                reenrollments.setObject(6, period.entry(), Types.DATE);
                reenrollments.setObject(7, period.exit(), Types.DATE);
                reenrollments.addBatch();
            }
            if (student.hasExtension) {
                extensions.setInt(1, dcid);
                extensions.setString(2, student.locationCode);
                extensions.addBatch();
            }
            for (Credential credential : student.credentials) {
                credentials.setInt(1, ++credentialCount);
                credentials.setInt(2, dcid);
                credentials.setInt(3, enrollmentSchool(student));
                credentials.setObject(4, credential.earned(), Types.DATE);
                credentials.setString(5, credential.code());
                credentials.setString(6, credential.deliveryMethod());
                credentials.setInt(7, credential.completer());
                credentials.addBatch();
            }
            if (++unflushed == STUDENTS_PER_COMMIT) {
                flush();
            }
            return 200_000L + id;
        }

        void flush() throws SQLException {
            students.executeBatch();
            reenrollments.executeBatch();
            extensions.executeBatch();
            credentials.executeBatch();
            connection.commit();
            unflushed = 0;
        }

        @Override
        public void close() throws SQLException {
            try (students; reenrollments; extensions; credentials) {
                // try-with-resources closes every statement, even when one of them fails
            }
        }
    }
}
