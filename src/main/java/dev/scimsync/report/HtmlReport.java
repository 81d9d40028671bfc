package dev.scimsync.report;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;

/** Renders report.html from its template ({@code dev/scimsync/report/report.html}); thread-safe. */
final class HtmlReport {

    private final TemplateEngine engine = new TemplateEngine();

    HtmlReport() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlReport.class.getClassLoader());
        resolver.setPrefix("dev/scimsync/report/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
    }

    String render(ReportPage page) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("page", page);
        return engine.process("report", context);
    }
}
