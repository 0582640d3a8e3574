import CGLPK
import MIP

/// GLPK's return codes and statuses as words, and the table from them to MIP-layer statuses
/// (as GLPK.jl does: the pair decides, not either alone).
enum GLPKStatus {
    static func returnCodeName(_ code: Int32) -> String {
        switch code {
        case 0: "0 (ok)"
        case GLP_EBADB: "GLP_EBADB"
        case GLP_ESING: "GLP_ESING"
        case GLP_ECOND: "GLP_ECOND"
        case GLP_EBOUND: "GLP_EBOUND"
        case GLP_EFAIL: "GLP_EFAIL"
        case GLP_EOBJLL: "GLP_EOBJLL"
        case GLP_EOBJUL: "GLP_EOBJUL"
        case GLP_EITLIM: "GLP_EITLIM"
        case GLP_ETMLIM: "GLP_ETMLIM"
        case GLP_ENOPFS: "GLP_ENOPFS"
        case GLP_ENODFS: "GLP_ENODFS"
        case GLP_EROOT: "GLP_EROOT"
        case GLP_ESTOP: "GLP_ESTOP"
        case GLP_EMIPGAP: "GLP_EMIPGAP"
        default: "\(code)"
        }
    }

    static func statusName(_ status: Int32) -> String {
        switch status {
        case GLP_UNDEF: "GLP_UNDEF"
        case GLP_FEAS: "GLP_FEAS"
        case GLP_INFEAS: "GLP_INFEAS"
        case GLP_NOFEAS: "GLP_NOFEAS"
        case GLP_OPT: "GLP_OPT"
        case GLP_UNBND: "GLP_UNBND"
        default: "\(status)"
        }
    }

    /// Termination and whether a point is held, after `glp_simplex` on a pure LP; nil for a backend failure.
    static func lp(returnCode: Int32, status: Int32) -> (TerminationReason, PrimalStatus)? {
        switch (returnCode, status) {
        case (0, GLP_OPT): (.optimal, .feasiblePoint)
        case (0, GLP_NOFEAS): (.infeasible, .noSolution)
        case (0, GLP_UNBND): (.unbounded, .noSolution)
        case (GLP_ENOPFS, _): (.infeasible, .noSolution)
        case (GLP_ENODFS, _): (.infeasibleOrUnbounded, .noSolution)
        case (GLP_ETMLIM, GLP_FEAS), (GLP_EITLIM, GLP_FEAS): (.timeLimit, .feasiblePoint)
        case (GLP_ETMLIM, _), (GLP_EITLIM, _): (.timeLimit, .noSolution)
        default: nil
        }
    }

    /// Termination and whether a point is held, after `glp_intopt`; nil for a backend failure.
    static func mip(returnCode: Int32, status: Int32) -> (TerminationReason, PrimalStatus)? {
        let point: PrimalStatus = status == GLP_FEAS || status == GLP_OPT ? .feasiblePoint : .noSolution
        switch returnCode {
        case 0 where status == GLP_OPT: return (.optimal, .feasiblePoint)
        case 0 where status == GLP_NOFEAS: return (.infeasible, .noSolution)
        case GLP_EMIPGAP: return (.gapLimit, point)
        case GLP_ETMLIM: return (.timeLimit, point)
        case GLP_ESTOP: return (.interrupted, point)
        case GLP_ENOPFS: return (.infeasible, .noSolution)
        case GLP_ENODFS: return (.infeasibleOrUnbounded, .noSolution)
        default: return nil
        }
    }
}
