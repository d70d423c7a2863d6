/**
 * Manual annotations: the model, the W3C sidecar, re-anchoring, inline
 * directives, and applying annotations to the automatic tags.
 */
export {applyAnnotations, type ApplyOptions, type ClaimVerdict, type Origin, type ReviewedClaim, type ReviewedDate, type ReviewedEntity, type ReviewedResult} from './apply.ts'
export {anchorTarget, createAnchoring, reanchor, type AnchorMethod, type Anchoring, type AnchorOptions, type AnchorReport, type Anchored, type Orphan} from './anchor.ts'
export {mergeEntities, rejectTag, removeAnnotation, setVerdict, tagSelection, type CreateOptions, type Range} from './edit.ts'
export {directiveNames, readDirectives, wrapInDirective, type DirectiveProblem, type DirectiveSpec, type TextEdit} from './inline.ts'
export {codePointIndex, codePoints, contextLength, fromCodePoint, lineIndex, targetOf, toCodePoint} from './positions.ts'
export {reviewArticle, type ArticleReview, type ReviewInput} from './review.ts'
export {mayHaveDirectives} from './syntax.ts'
export {parseSidecar, serializeSidecar, sidecarName, SidecarError, type SidecarResult} from './sidecar.ts'
export {tagTypes, verdicts, type Agent, type Annotation, type AnnotationKind, type MergeAnnotation, type RejectAnnotation, type RejectScope, type TagAnnotation, type TagType, type Target, type Verdict, type VerdictAnnotation} from './types.ts'
export {annotationContext, isUrl, toW3c} from './w3c.ts'
export {fromW3c} from './w3c-parse.ts'
