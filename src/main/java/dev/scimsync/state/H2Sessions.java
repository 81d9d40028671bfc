package dev.scimsync.state;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every connection to an H2 state database runs with {@code LAZY_QUERY_EXECUTION}: without it H2 builds a query's
 * whole result before the first row, spilling to a temporary file past 40,000 rows, and the plan, the rules and the
 * report read hundreds of thousands of rows in line order, several times slower when each result is built whole.
 * PostgreSQL streams through the JdbcTemplate's fetch size instead ({@code spring.jdbc.template.fetch-size}).
 */
@Component
class H2Sessions implements BeanPostProcessor {

    static final String LAZY = "SET LAZY_QUERY_EXECUTION TRUE";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:h2:") && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(LAZY);
        }
        return bean;
    }
}
