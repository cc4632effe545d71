package io.scratchbird.spring.boot.autoconfigure.app;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NoteRepository extends JpaRepository<Note, Long> {

    List<Note> findByStarsGreaterThanOrderByTitle(int stars);
}
