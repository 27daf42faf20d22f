package dev.fileshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.expression.StandardBeanExpressionResolver;

class LiteralExpressionsTests {

  private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
  private final BeanExpressionContext context = new BeanExpressionContext(beanFactory, null);

  @Test
  void aNameWithoutAnExpressionIsHandedBackWithoutAskingSpel() {
    var asked = new ArrayList<String>();
    var resolver = new LiteralExpressions.Resolver(recording(asked));

    assertThat(resolver.evaluate("ordering", context)).isEqualTo("ordering");
    assertThat(resolver.evaluate("", context)).isEqualTo("");
    assertThat(resolver.evaluate(null, context)).isNull();
    assertThat(asked).as("SpEL was not asked").isEmpty();
  }

  @Test
  void anExpressionIsStillEvaluated() {
    var resolver = new LiteralExpressions.Resolver(new StandardBeanExpressionResolver());

    assertThat(resolver.evaluate("#{6 * 7}", context)).isEqualTo(42);
    assertThat(resolver.evaluate("page-#{1 + 1}", context)).isEqualTo("page-2");
  }

  @Test
  void theBeanFactorysResolverIsWrappedOnce() {
    beanFactory.setBeanExpressionResolver(new StandardBeanExpressionResolver());
    var expressions = new LiteralExpressions();

    expressions.postProcessBeanFactory(beanFactory);
    var wrapped = beanFactory.getBeanExpressionResolver();
    expressions.postProcessBeanFactory(beanFactory);

    assertThat(wrapped).isInstanceOf(LiteralExpressions.Resolver.class);
    assertThat(beanFactory.getBeanExpressionResolver()).isSameAs(wrapped);
    assertThat(((LiteralExpressions.Resolver) wrapped).delegate())
        .isInstanceOf(StandardBeanExpressionResolver.class);
  }

  private static BeanExpressionResolver recording(List<String> asked) {
    return (value, context) -> {
      asked.add(value);
      return value;
    };
  }
}
