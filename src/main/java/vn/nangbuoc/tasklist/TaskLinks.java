package vn.nangbuoc.tasklist;

import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.input.PageController;

/**
 * A link to one task (in mails, on the case page) that survives the login: Tasklist opens a task from the part of
 * its address after #, which a browser never sends to the server, so a link straight into Tasklist lost its task
 * on the way through the login. This address is one of the product's pages (the login remembers it and leads
 * back) and leads on to the task in Tasklist, where the engine decides whether the person may see it.
 */
@PageController
public class TaskLinks {

  private static final String PATH = "/trang/viec/";
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  /** The address of a task, from the site's root. */
  public static String of(String taskId) {
    return PATH + taskId;
  }

  @GetMapping(PATH + "{taskId}")
  String open(@PathVariable String taskId) {
    if (!TASK_ID.matcher(taskId).matches()) {
      throw new NotFoundException("Không có công việc này.");
    }
    return "redirect:" + TasklistLinks.TASKLIST + "#/?task=" + taskId;
  }
}
