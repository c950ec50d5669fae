package org.bothy.support.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on PostgreSQL without Axon Server: one Jackson serializer for messages, events and everything else, and
 * Axon's unit of work joined to Spring's transaction manager.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration"})
@ConditionalOnClass(name = "org.axonframework.serialization.json.JacksonSerializer")
public class BothyAxonAutoConfiguration {

    @Bean
    @Primary
    @Qualifier("serializer")
    @ConditionalOnMissingBean(name = "serializer")
    public Serializer serializer() {
        return AxonSerializers.jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    @ConditionalOnMissingBean(name = "eventSerializer")
    public Serializer eventSerializer() {
        return AxonSerializers.jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    @ConditionalOnMissingBean(name = "messageSerializer")
    public Serializer messageSerializer() {
        return AxonSerializers.jackson();
    }

    /**
     * Axon's own transaction auto-configuration is ordered by Spring Boot 3 class names, so under Boot 4 it can run
     * before the transaction manager exists and leave Axon without transactions; this one runs after it.
     */
    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    @ConditionalOnBean(PlatformTransactionManager.class)
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }
}
