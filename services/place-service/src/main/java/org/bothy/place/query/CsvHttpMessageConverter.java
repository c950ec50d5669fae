package org.bothy.place.query;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Writes any view (a list of flat records) as CSV (RFC 4180): a header of the record's component names, one line per
 * record, CRLF line ends, and a field quoted when it holds a comma, a quote or a line break.
 */
public class CsvHttpMessageConverter extends AbstractGenericHttpMessageConverter<Object> {

    /** {@code text/csv} in UTF-8. */
    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    public CsvHttpMessageConverter() {
        super(TEXT_CSV);
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return false;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return Collection.class.isAssignableFrom(clazz);
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
        return rowType(type) != null && canWrite(mediaType);
    }

    @Override
    protected void writeInternal(Object rows, Type type, HttpOutputMessage output) throws IOException {
        Class<?> rowType = rowType(type);
        if (rowType == null) {
            throw new HttpMessageNotWritableException("only lists of records are written as CSV");
        }
        RecordComponent[] columns = rowType.getRecordComponents();
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        for (int i = 0; i < columns.length; i++) {
            writer.write((i == 0 ? "" : ",") + field(columns[i].getName()));
        }
        writer.write("\r\n");
        for (Object row : (Collection<?>) rows) {
            for (int i = 0; i < columns.length; i++) {
                writer.write((i == 0 ? "" : ",") + field(value(columns[i], row)));
            }
            writer.write("\r\n");
        }
        writer.flush();
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is only written", input);
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is only written", input);
    }

    /** One field as RFC 4180 has it: quoted, with quotes doubled, when it needs to be. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static String value(RecordComponent column, Object row) {
        try {
            Object value = column.getAccessor().invoke(row);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException e) {
            throw new HttpMessageNotWritableException("cannot read " + column.getName() + " for CSV", e);
        }
    }

    private static Class<?> rowType(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw) && list.getActualTypeArguments().length == 1
                && list.getActualTypeArguments()[0] instanceof Class<?> row && row.isRecord()) {
            return row;
        }
        return null;
    }
}
