-- The publisher's ledger, version 2: the run lease. Portable SQL: H2, PostgreSQL and Oracle accept it.

-- One row: the run that holds it is the only one that sends and writes the ledger, whichever machine it runs on. A
-- holder renews EXPIRES while its run goes on; once EXPIRES has passed (its process died), the next run takes it over.
-- LAST_SCHEDULED is the schedule's last fire that took it, so that a fire runs once across all serving machines.
-- Times are UTC, from the database's clock, so that the machines' clocks never have to agree.
CREATE TABLE CTE_LEASE (
    LEASE_NAME           VARCHAR(20)    NOT NULL PRIMARY KEY,
    HOLDER_HOST          VARCHAR(255),
    HOLDER_PID           NUMERIC(19,0),
    HOLDER_RUN           NUMERIC(19,0),
    ACQUIRED             TIMESTAMP,
    EXPIRES              TIMESTAMP,
    LAST_SCHEDULED       TIMESTAMP
);

INSERT INTO CTE_LEASE (LEASE_NAME) VALUES ('LEDGER');
