package org.bothy.testsupport;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealPostgresTest {

    @Test
    void a_row_written_through_the_jdbc_url_is_read_back_from_a_real_postgresql() throws Exception {
        String url = RealPostgres.jdbcUrl("test_support_round_trip");
        try (Connection connection = DriverManager.getConnection(url, RealPostgres.username(), RealPostgres.password());
             Statement sql = connection.createStatement()) {
            sql.execute("create table if not exists shelter (name text primary key, bunks int not null)");
            sql.execute("insert into shelter values ('Corrour', 12) on conflict (name) do update set bunks = 12");
            try (ResultSet rows = sql.executeQuery("select bunks, version() from shelter where name = 'Corrour'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(12);
                assertThat(rows.getString(2)).startsWith("PostgreSQL 18");
            }
        }
    }

    @Test
    void each_database_is_its_own_and_asking_twice_is_harmless() throws Exception {
        DataSource one = RealPostgres.dataSource("test_support_one");
        DataSource again = RealPostgres.dataSource("test_support_one");
        DataSource two = RealPostgres.dataSource("test_support_two");
        try (Connection c = one.getConnection(); Statement sql = c.createStatement()) {
            sql.execute("create table if not exists only_in_one (id int)");
        }
        try (Connection c = again.getConnection(); Statement sql = c.createStatement();
             ResultSet rows = sql.executeQuery("select current_database(), to_regclass('only_in_one') is not null")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("test_support_one");
            assertThat(rows.getBoolean(2)).isTrue();
        }
        try (Connection c = two.getConnection(); Statement sql = c.createStatement();
             ResultSet rows = sql.executeQuery("select to_regclass('only_in_one') is null")) {
            rows.next();
            assertThat(rows.getBoolean(1)).isTrue();
        }
    }

    @Test
    void a_database_name_that_is_not_a_plain_identifier_is_refused() {
        assertThatThrownBy(() -> RealPostgres.jdbcUrl("x\"; drop database postgres; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
