package dev.herald.rest;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every route of Herald's REST API, read from the JAX-RS annotations of {@code dev.herald.rest}.
 */
record Routes(List<Route> all) {

  private static final Pattern PARAM = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

  /**
   * One resource method.
   *
   * @param template the path with its {@code {parameters}}, e.g. {@code /api/channels/{channel}}
   * @param consumesBody whether it reads a request body (a parameter without JAX-RS annotations)
   * @param produces whether it declares what it produces (then a foreign Accept is a 406)
   * @param handler the resource method
   */
  record Route(
      String method,
      String template,
      List<String> pathParams,
      List<String> queryParams,
      boolean consumesBody,
      boolean produces,
      Method handler) {

    /** The template with each parameter replaced by the value the function gives for it. */
    String path(java.util.function.Function<String, String> value) {
      Matcher matcher = PARAM.matcher(template);
      StringBuilder path = new StringBuilder();
      while (matcher.find()) {
        matcher.appendReplacement(path, Matcher.quoteReplacement(value.apply(matcher.group(1))));
      }
      matcher.appendTail(path);
      return path.toString();
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  static Routes scan() {
    String root = "/" + strip(HeraldApplication.class.getAnnotation(ApplicationPath.class).value());
    List<Route> routes = new ArrayList<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(Routes.class.getPackageName())) {
      Class<?> resource = type.reflect();
      Path classPath = resource.getAnnotation(Path.class);
      if (classPath == null || !type.getPackageName().equals(Routes.class.getPackageName())) {
        continue;
      }
      for (Method method : resource.getMethods()) {
        String http = httpMethod(method);
        if (http == null) {
          continue;
        }
        Path methodPath = method.getAnnotation(Path.class);
        String template =
            join(root, strip(classPath.value()), methodPath == null ? "" : methodPath.value());
        List<String> pathParams = new ArrayList<>();
        Matcher matcher = PARAM.matcher(template);
        while (matcher.find()) {
          pathParams.add(matcher.group(1));
        }
        List<String> queryParams = new ArrayList<>();
        boolean body = false;
        for (Parameter parameter : method.getParameters()) {
          QueryParam query = parameter.getAnnotation(QueryParam.class);
          if (query != null) {
            queryParams.add(query.value());
          }
          body |= parameter.getAnnotations().length == 0;
        }
        boolean produces =
            method.isAnnotationPresent(Produces.class)
                || resource.isAnnotationPresent(Produces.class);
        routes.add(new Route(http, template, pathParams, queryParams, body, produces, method));
      }
    }
    routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
    return new Routes(List.copyOf(routes));
  }

  /** Each template once, with the HTTP methods it answers. */
  List<String> templates() {
    return all.stream().map(Route::template).distinct().toList();
  }

  List<String> methods(String template) {
    return all.stream().filter(r -> r.template().equals(template)).map(Route::method).toList();
  }

  Route any(String template) {
    return all.stream().filter(r -> r.template().equals(template)).findFirst().orElseThrow();
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static String join(String... parts) {
    StringBuilder path = new StringBuilder();
    for (String part : parts) {
      String stripped = strip(part);
      if (!stripped.isEmpty()) {
        path.append('/').append(stripped);
      }
    }
    return path.toString();
  }

  private static String strip(String path) {
    String stripped = path;
    while (stripped.startsWith("/")) {
      stripped = stripped.substring(1);
    }
    while (stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }
}
