package dev.fileshare.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.expression.StandardBeanExpressionResolver;

/**
 * Hands back a value with no {@code #{…}} in it as it is, without asking SpEL. Spring MVC evaluates
 * the name of every {@code @RequestParam}, {@code @PathVariable} and {@code @RequestHeader} as an
 * expression on every request, and {@link StandardBeanExpressionResolver} looks each one up in a
 * {@code ConcurrentHashMap} with {@code computeIfAbsent}, which locks the map's bin whenever the
 * name is not the first entry in it: thread dumps of the file list under load caught dozens of
 * request threads blocked on one such lock. Taking it off every request changed neither the
 * throughput nor the rare seconds-long requests measured beside it (docs/performance.md,
 * "Seconds-long stalls"); it costs nothing. A value without the expression prefix evaluates to
 * itself under SpEL's template parser, so the answer is the same.
 */
final class LiteralExpressions implements BeanFactoryPostProcessor {

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    var resolver = beanFactory.getBeanExpressionResolver();
    if (resolver != null && !(resolver instanceof Resolver)) {
      beanFactory.setBeanExpressionResolver(new Resolver(resolver));
    }
  }

  /** {@code delegate} for values with an expression in them; the value itself otherwise. */
  record Resolver(BeanExpressionResolver delegate) implements BeanExpressionResolver {

    @Override
    public @Nullable Object evaluate(@Nullable String value, BeanExpressionContext context) {
      if (value == null
          || !value.contains(StandardBeanExpressionResolver.DEFAULT_EXPRESSION_PREFIX)) {
        return value;
      }
      return delegate.evaluate(value, context);
    }
  }
}
