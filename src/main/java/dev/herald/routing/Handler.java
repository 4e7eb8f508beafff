package dev.herald.routing;

import dev.herald.api.EventHandler;

/** A handler bean with its name, read once: each call through the bean's proxy costs. */
record Handler(EventHandler bean, String name) {

  static Handler of(EventHandler bean) {
    return new Handler(bean, bean.name());
  }
}
