package io.auditflow.notification;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own in-app notifications: list, count unread, mark read. */
@RestController
@RequestMapping("/api/me/notifications")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    /** Newest first; {@code limit} 1 to 100 (default 20). */
    @GetMapping
    List<Notification> list(@RequestParam(defaultValue = "false") boolean unreadOnly,
                            @RequestParam(defaultValue = "20") int limit) {
        return notifications.mine(unreadOnly, limit);
    }

    @GetMapping("/unread-count")
    Map<String, Integer> unreadCount() {
        return Map.of("unread", notifications.unreadCount());
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> markRead(@PathVariable long id) {
        notifications.markRead(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    Map<String, Integer> markAllRead() {
        return Map.of("marked", notifications.markAllRead());
    }
}
