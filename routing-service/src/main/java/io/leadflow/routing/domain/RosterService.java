package io.leadflow.routing.domain;

import io.leadflow.routing.distribution.Candidate;
import io.leadflow.routing.distribution.DistributionMethod;
import io.leadflow.routing.distribution.Fairness;
import io.leadflow.routing.repository.AssignmentRepository;
import io.leadflow.routing.repository.OutOfOfficeRepository;
import io.leadflow.routing.repository.RosterRepository;
import io.leadflow.routing.repository.SdrPoolRepository;
import io.leadflow.routing.repository.SdrPoolRepository.MemberRow;
import io.leadflow.routing.roster.Availability;
import io.leadflow.routing.roster.Load;
import io.leadflow.routing.roster.OutOfOffice;
import io.leadflow.routing.roster.SkipReason;
import io.leadflow.web.ConflictException;
import io.leadflow.web.FieldError;
import io.leadflow.web.InvalidRequestException;
import io.leadflow.web.NotFoundException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SDR roster and the pools (RevOps' admin API): settings, out-of-office periods, pauses, members
 * and weights, and the fairness report. A pool is changed under its row's lock, the lock routing takes,
 * so a change never interleaves with a decision.
 */
@ApplicationScoped
public class RosterService {

    private final RosterRepository sdrs;
    private final OutOfOfficeRepository absences;
    private final SdrPoolRepository pools;
    private final AssignmentRepository assignments;

    public RosterService(RosterRepository sdrs, OutOfOfficeRepository absences, SdrPoolRepository pools,
                         AssignmentRepository assignments) {
        this.sdrs = sdrs;
        this.absences = absences;
        this.pools = pools;
        this.assignments = assignments;
    }

    // --- SDRs

    public Uni<SdrProfile> createSdr(String id, SdrSettings settings) {
        return Panache.withTransaction(() -> sdrs.findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new ConflictException("SDR " + id + " exists; PUT /api/v1/routing/sdrs/"
                        + id + " changes it"));
            }
            Sdr sdr = new Sdr();
            sdr.id = id;
            apply(sdr, settings);
            return sdrs.persistAndFlush(sdr);
        })).chain(() -> sdr(id));
    }

    public Uni<SdrProfile> updateSdr(String id, SdrSettings settings) {
        return Panache.withTransaction(() -> sdrs.lock(id).invoke(sdr -> apply(existing(sdr, id), settings)))
                .chain(() -> sdr(id));
    }

    private static void apply(Sdr sdr, SdrSettings settings) {
        sdr.name = settings.name();
        sdr.email = settings.email();
        sdr.active = settings.active();
        sdr.timeZone = settings.timeZone().getId();
        sdr.workingHours = RosterJson.workingHoursJson(settings.workingHours());
        sdr.holidays = RosterJson.holidaysJson(settings.holidays());
        sdr.maxOpenLeads = settings.caps().maxOpenLeads();
        sdr.maxLeadsPerDay = settings.caps().maxLeadsPerDay();
        sdr.managerEmail = settings.managerEmail();
        sdr.updatedAt = now();
    }

    public Uni<SdrProfile> sdr(String id) {
        Instant now = now();
        return Panache.withSession(() -> sdrs.findById(id).chain(sdr -> profiles(List.of(existing(sdr, id)), now)))
                .map(profiles -> profiles.get(0));
    }

    public Uni<List<SdrProfile>> sdrs() {
        Instant now = now();
        return Panache.withSession(() -> sdrs.all().chain(all -> profiles(all, now)));
    }

    /** Profiles with their current status: one query for the periods, one for the loads, whatever the number. */
    private Uni<List<SdrProfile>> profiles(List<Sdr> roster, Instant now) {
        List<String> ids = roster.stream().map(sdr -> sdr.id).toList();
        return absences.notEndedAt(ids, now).chain(periods -> {
            Map<String, List<OutOfOfficePeriod>> bySdr = periods.stream()
                    .collect(Collectors.groupingBy(period -> period.sdrId));
            Map<String, Availability> availability = new HashMap<>();
            Map<String, Instant> dayStarts = new HashMap<>();
            for (Sdr sdr : roster) {
                Availability schedule = RosterJson.availability(sdr, bySdr.getOrDefault(sdr.id, List.of()).stream()
                        .map(OutOfOfficePeriod::toPeriod).toList());
                availability.put(sdr.id, schedule);
                dayStarts.put(sdr.id, schedule.startOfLocalDay(now));
            }
            return assignments.loads(dayStarts).map(loads -> roster.stream().map(sdr -> profile(sdr,
                    bySdr.getOrDefault(sdr.id, List.of()), availability.get(sdr.id),
                    loads.getOrDefault(sdr.id, Load.NONE), now)).toList());
        });
    }

    private static SdrProfile profile(Sdr sdr, List<OutOfOfficePeriod> periods, Availability availability, Load load,
                                      Instant now) {
        Candidate self = new Candidate(sdr.id, 0, 1, 0, availability, RosterJson.caps(sdr), load);
        SkipReason reason = self.skipReasonAt(now);
        Instant again = reason == null ? null : self.availableAgainAt(now).orElse(null);
        return new SdrProfile(sdr.id, sdr.name, sdr.email, sdr.active, sdr.paused, sdr.pausedAt, sdr.pausedBy,
                sdr.timeZone, RosterJson.workingHoursView(availability.workingHours()), RosterJson.holidays(sdr.holidays),
                sdr.maxOpenLeads, sdr.maxLeadsPerDay, sdr.managerEmail,
                periods.stream().map(SdrProfile.Absence::of).toList(),
                new SdrProfile.Status(now, reason == null, reason == null ? null : reason.code(), again,
                        load.openLeads(), load.leadsToday(), load.lastAssignedAt()),
                sdr.updatedAt);
    }

    /** Pauses the SDR (idempotent: a second pause keeps the first one's time and author). */
    public Uni<SdrProfile> pause(String id, String by) {
        return Panache.withTransaction(() -> sdrs.lock(id).invoke(found -> {
            Sdr sdr = existing(found, id);
            if (!sdr.paused) {
                sdr.paused = true;
                sdr.pausedAt = now();
                sdr.pausedBy = by;
            }
        })).chain(() -> sdr(id));
    }

    public Uni<SdrProfile> resume(String id) {
        return Panache.withTransaction(() -> sdrs.lock(id).invoke(found -> {
            Sdr sdr = existing(found, id);
            sdr.paused = false;
            sdr.pausedAt = null;
            sdr.pausedBy = null;
        })).chain(() -> sdr(id));
    }

    // --- out of office

    public Uni<SdrProfile.Absence> addOutOfOffice(String sdrId, OutOfOffice period, String note, String by) {
        return Panache.withTransaction(() -> sdrs.findById(sdrId).chain(sdr -> {
            existing(sdr, sdrId);
            OutOfOfficePeriod stored = OutOfOfficePeriod.of(sdrId, period.from(), period.until(), note, now(), by);
            return absences.persist(stored).map(SdrProfile.Absence::of);
        }));
    }

    /** Every period of the SDR, past ones included. */
    public Uni<List<SdrProfile.Absence>> outOfOffice(String sdrId) {
        return Panache.withSession(() -> sdrs.findById(sdrId).chain(sdr -> {
            existing(sdr, sdrId);
            return absences.ofSdr(sdrId).map(periods -> periods.stream().map(SdrProfile.Absence::of).toList());
        }));
    }

    public Uni<Void> removeOutOfOffice(String sdrId, UUID periodId) {
        return Panache.withTransaction(() -> absences.findById(periodId).chain(period -> {
            if (period == null || !period.sdrId.equals(sdrId)) {
                return Uni.createFrom().failure(new NotFoundException(
                        "SDR " + sdrId + " has no out-of-office period " + periodId));
            }
            return absences.delete(period);
        }));
    }

    // --- pools

    public Uni<PoolProfile> createPool(String id, PoolSettings settings) {
        return Panache.withTransaction(() -> pools.findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new ConflictException("pool " + id + " exists; PUT /api/v1/routing/pools/"
                        + id + " changes it"));
            }
            return checkReferences(id, settings).chain(() -> {
                SdrPool pool = new SdrPool();
                pool.id = id;
                pool.lastPosition = -1;
                apply(pool, settings);
                List<MemberRow> members = new ArrayList<>();
                for (int i = 0; i < settings.members().size(); i++) {
                    members.add(new MemberRow(settings.members().get(i).sdrId(), i, settings.members().get(i).weight(), 0));
                }
                return pools.persistAndFlush(pool).chain(() -> pools.replaceMembers(id, members));
            });
        })).chain(() -> pool(id));
    }

    /**
     * Replaces the pool's settings and members under the pool's lock. The member who was next in line stays
     * next in line (the cursor follows them to their new position); any change to the members or their
     * weights starts the weighted round robin afresh (current weights 0).
     */
    public Uni<PoolProfile> updatePool(String id, PoolSettings settings) {
        return Panache.withTransaction(() -> pools.lock(id).chain(found -> {
            SdrPool pool = existing(found, id);
            return checkReferences(id, settings)
                    .chain(() -> pools.members(id))
                    .chain(old -> {
                        List<MemberRow> members = reseat(old, settings.members());
                        apply(pool, settings);
                        pool.lastPosition = cursorAfterReseat(old, pool.lastPosition,
                                settings.members().stream().map(PoolSettings.Member::sdrId).toList());
                        return pools.replaceMembers(id, members);
                    });
        })).chain(() -> pool(id));
    }

    private static void apply(SdrPool pool, PoolSettings settings) {
        pool.name = settings.name();
        pool.distributionMethod = settings.method();
        pool.managerEmail = settings.managerEmail();
        pool.fallbackPoolId = settings.fallbackPoolId();
        pool.fallbackAfterSeconds = settings.fallbackPoolId() == null ? null
                : settings.fallbackAfter() == null ? 0L : settings.fallbackAfter().toSeconds();
        pool.updatedAt = now();
    }

    /** The new member rows: positions 0, 1, ... in the given order; current weights kept only if nothing changed. */
    static List<MemberRow> reseat(List<MemberRow> old, List<PoolSettings.Member> members) {
        boolean unchanged = old.size() == members.size();
        for (int i = 0; unchanged && i < old.size(); i++) {
            unchanged = old.get(i).sdrId().equals(members.get(i).sdrId()) && old.get(i).weight() == members.get(i).weight();
        }
        List<MemberRow> rows = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            rows.add(new MemberRow(members.get(i).sdrId(), i, members.get(i).weight(),
                    unchanged ? old.get(i).currentWeight() : 0));
        }
        return rows;
    }

    /**
     * The cursor that keeps the member who was next in line (the first one after the old cursor, in the old
     * rotation, who is still a member) next in line in the new order; -1 (start of the rotation) if nobody stays.
     */
    static int cursorAfterReseat(List<MemberRow> old, int cursor, List<String> newOrder) {
        if (old.isEmpty()) {
            return -1;
        }
        List<MemberRow> rotation = old.stream().sorted(Comparator.comparingInt(MemberRow::position)).toList();
        int first = 0;
        while (first < rotation.size() && rotation.get(first).position() <= cursor) {
            first++;
        }
        for (int i = 0; i < rotation.size(); i++) {
            int next = newOrder.indexOf(rotation.get((first + i) % rotation.size()).sdrId());
            if (next >= 0) {
                return next - 1;
            }
        }
        return -1;
    }

    /** Every member must be an SDR on the roster; the fallback pool must exist and must not lead back here. */
    private Uni<Void> checkReferences(String poolId, PoolSettings settings) {
        List<String> ids = settings.members().stream().map(PoolSettings.Member::sdrId).toList();
        return sdrs.withIds(new LinkedHashSet<>(ids)).chain(found -> {
            Set<String> known = found.stream().map(sdr -> sdr.id).collect(Collectors.toSet());
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!known.contains(ids.get(i))) {
                    errors.add(new FieldError("members[" + i + "].sdrId", "no SDR " + ids.get(i) + " on the roster"));
                }
            }
            if (settings.fallbackPoolId() == null) {
                return errors.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new InvalidRequestException(errors));
            }
            return fallbackError(poolId, settings.fallbackPoolId(), new HashSet<>()).chain(fallback -> {
                if (fallback != null) {
                    errors.add(fallback);
                }
                return errors.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.createFrom().<Void>failure(new InvalidRequestException(errors));
            });
        });
    }

    /** Follows the fallback chain from {@code next}: an error if a pool is missing or the chain comes back to the pool. */
    private Uni<FieldError> fallbackError(String poolId, String next, Set<String> seen) {
        if (next.equals(poolId)) {
            return Uni.createFrom().item(new FieldError("fallbackPoolId",
                    "leads would come back to pool " + poolId + " (" + String.join(" -> ", seen) + " falls back to it)"));
        }
        if (!seen.add(next)) {
            return Uni.createFrom().nullItem();
        }
        return pools.findById(next).chain(pool -> {
            if (pool == null) {
                return seen.size() == 1
                        ? Uni.createFrom().item(new FieldError("fallbackPoolId", "no pool " + next))
                        : Uni.createFrom().nullItem();
            }
            return pool.fallbackPoolId == null ? Uni.createFrom().nullItem() : fallbackError(poolId, pool.fallbackPoolId, seen);
        });
    }

    public Uni<PoolProfile> pool(String id) {
        return Panache.withSession(() -> pools.findById(id).chain(pool -> profile(existing(pool, id))));
    }

    public Uni<List<PoolProfile>> pools() {
        return Panache.withSession(() -> pools.listAll(io.quarkus.panache.common.Sort.by("id")).chain(all -> {
            Uni<List<PoolProfile>> profiles = Uni.createFrom().item(new ArrayList<>());
            for (SdrPool pool : all) {
                profiles = profiles.chain(list -> profile(pool).map(profile -> {
                    list.add(profile);
                    return list;
                }));
            }
            return profiles;
        }));
    }

    private Uni<PoolProfile> profile(SdrPool pool) {
        return pools.members(pool.id).chain(members -> sdrs.withIds(members.stream().map(MemberRow::sdrId).toList())
                .map(found -> {
                    Map<String, Sdr> byId = found.stream().collect(Collectors.toMap(sdr -> sdr.id, Function.identity()));
                    return new PoolProfile(pool.id, pool.name, pool.distributionMethod, pool.managerEmail,
                            pool.fallbackPoolId, pool.fallbackAfterSeconds == null ? null
                            : Duration.ofSeconds(pool.fallbackAfterSeconds).toString(), pool.lastPosition,
                            members.stream().map(member -> {
                                Sdr sdr = byId.get(member.sdrId());
                                return new PoolProfile.Member(member.sdrId(), sdr.name, member.position(), member.weight(),
                                        member.currentWeight(), sdr.active, sdr.paused);
                            }).toList(), pool.updatedAt);
                }));
    }

    // --- fairness

    /**
     * The pool's fairness over {@code [from, to)}: its leads per SDR against each current member's share by
     * weight (weighted round robin) and by the time their schedule made them available in the period.
     */
    public Uni<Fairness.Report> fairness(String poolId, Instant from, Instant to) {
        return Panache.withSession(() -> pools.findById(poolId).chain(found -> {
            SdrPool pool = existing(found, poolId);
            return pools.members(poolId).chain(members -> assignments.countsInPool(poolId, from, to).chain(counts -> {
                List<String> memberIds = members.stream().map(MemberRow::sdrId).toList();
                return sdrs.withIds(memberIds).chain(roster -> absences.overlapping(memberIds, from, to).map(periods -> {
                    Map<String, Sdr> byId = roster.stream().collect(Collectors.toMap(sdr -> sdr.id, Function.identity()));
                    Map<String, List<OutOfOffice>> away = periods.stream().collect(Collectors.groupingBy(
                            period -> period.sdrId, Collectors.mapping(OutOfOfficePeriod::toPeriod, Collectors.toList())));
                    List<Fairness.Input> inputs = new ArrayList<>();
                    for (MemberRow member : members) {
                        Availability schedule = RosterJson.availability(byId.get(member.sdrId()),
                                away.getOrDefault(member.sdrId(), List.of()));
                        inputs.add(Fairness.Input.member(member.sdrId(), member.weight(), schedule,
                                counts.getOrDefault(member.sdrId(), 0L)));
                    }
                    counts.keySet().stream().filter(id -> !memberIds.contains(id)).sorted()
                            .forEach(id -> inputs.add(Fairness.Input.former(id, counts.get(id))));
                    DistributionMethod method = pool.distributionMethod;
                    return Fairness.report(method, from, to, inputs);
                }));
            }));
        }));
    }

    private static Sdr existing(Sdr found, String id) {
        if (found == null) {
            throw new NotFoundException("no SDR " + id + " on the roster");
        }
        return found;
    }

    private static SdrPool existing(SdrPool found, String id) {
        if (found == null) {
            throw new NotFoundException("no pool " + id);
        }
        return found;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
