"""The matching phase: the engine (pure: dataclasses in and out), its input loaded from the database, the
coordinator's board, HR's proposals, and a second chance after the interviews."""
