package nm.cte.run;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nm.cte.domain.ProgramReference;

/** The Programs a run upserts (D11): each program owner's once, before the first batch that needs it sends. */
final class ProgramsPublished {

    private final Set<ProgramReference> claimed = ConcurrentHashMap.newKeySet();

    /** Those of the programs that no batch of the run has upserted yet; they are this caller's to upsert. */
    List<ProgramReference> claim(List<ProgramReference> programs) {
        return programs.stream().distinct().filter(claimed::add).toList();
    }
}
