package vn.nangbuoc.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over its limit with 413, on the paths whose readers hold a whole body in
 * memory (see {@link RequestBodySettings}): at once by its declared length, and by counting what is
 * read when no length is declared (chunked). A counted body fails its reader before any resource
 * runs, so nothing is stored; whatever the reader then answers is replaced by our 413.
 */
class RequestBodyLimit extends OncePerRequestFilter {

  static final String MESSAGE = "Dữ liệu gửi lên quá lớn, vượt giới hạn của hệ thống. Không có gì được lưu.";
  /**
   * Engine REST and the webapps' copy of it: {@code /engine-rest/deployment/create},
   * {@code /camunda/api/engine/engine/default/deployment/create}.
   */
  private static final Pattern DEPLOYMENT = Pattern.compile(".*/deployment/create/?");

  private final RequestBodySettings settings;

  RequestBodyLimit(RequestBodySettings settings) {
    this.settings = settings;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    long limit = (DEPLOYMENT.matcher(path).matches() ? settings.maxDeploymentSize() : settings.maxSize()).toBytes();
    if (request.getContentLengthLong() > limit) {
      refuse(response);
      return;
    }
    Counted counted = new Counted(request, limit);
    Silenced silenced = new Silenced(response, counted);
    try {
      chain.doFilter(counted, silenced);
    } catch (IOException | RuntimeException | ServletException e) {
      if (!counted.exceeded) {
        throw e;
      }
    }
    if (counted.exceeded && !response.isCommitted()) {
      response.reset();
      refuse(response);
    }
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    // the unread rest of the body is not wanted: the connection is closed after this answer
    response.setHeader("Connection", "close");
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"PayloadTooLarge\",\"status\":413,\"message\":\"" + MESSAGE + "\"}");
  }

  /** The request, whose body fails to read past the limit. */
  private static final class Counted extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;
    private BufferedReader reader;
    private long read;
    private volatile boolean exceeded;

    Counted(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
        reader = new BufferedReader(new InputStreamReader(getInputStream(), encoding));
      }
      return reader;
    }

    private void count(long bytes) throws IOException {
      read += bytes;
      if (read > limit) {
        exceeded = true;
        throw new IOException("request body over " + limit + " bytes");
      }
    }

    private final class CountingStream extends ServletInputStream {

      private final ServletInputStream in;

      CountingStream(ServletInputStream in) {
        this.in = in;
      }

      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      @Override
      public boolean isFinished() {
        return in.isFinished();
      }

      @Override
      public boolean isReady() {
        return in.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
      }
    }
  }

  /** The answer, of which nothing gets out once the body went past its limit: ours replaces it. */
  private static final class Silenced extends HttpServletResponseWrapper {

    private final Counted request;

    Silenced(HttpServletResponse response, Counted request) {
      super(response);
      this.request = request;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!request.exceeded) {
        return super.getOutputStream();
      }
      return new ServletOutputStream() {
        @Override
        public void write(int b) {
          // dropped
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          // nothing is written
        }
      };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      return request.exceeded ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (!request.exceeded) {
        super.sendError(status, message);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      if (!request.exceeded) {
        super.sendError(status);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!request.exceeded) {
        super.flushBuffer();
      }
    }
  }
}
