"""Deals users to workers so that meeting pairs land in one process.

Locust's own dispatcher cycles the workers over an alternating sequence of classes, so with two workers
every Personal lands on one and every Patient on the other, and no pair could meet. Here each class is
dealt round the workers on its own: the k-th Personal and the k-th Patient go to worker k mod N.
"""

from __future__ import annotations

from locust.dispatch import UsersDispatcher


class PairingDispatcher(UsersDispatcher):
    def _add_users_on_workers(self) -> dict[str, dict[str, int]]:
        target = min(self._current_user_count + self._user_count_per_dispatch_iteration, self._target_user_count)
        for user in self._user_generator:
            if not user:
                self._no_user_to_spawn = True
                break
            worker_node = self._worker_nodes[self._get_user_current_count(user) % len(self._worker_nodes)]
            self._users_on_workers[worker_node.id][user] += 1
            self._current_user_count += 1
            self._active_users.append((worker_node, user))
            if self._current_user_count >= target:
                break
        return self._users_on_workers
