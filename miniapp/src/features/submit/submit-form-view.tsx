import Taro from '@tarojs/taro';
import { FieldError } from '../../components/field-error';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { CONTENT_LIMITS, TEXT_LIMITS } from '@mashang/shared';
import type { ReactNode } from 'react';
import { LocationField } from '../../components/location-field';
import { MediaField } from '../../components/media-field';
import { SwitchRow } from '../../components/switch-row';
import { TypePicker } from '../../components/type-picker';
import { VoiceField } from '../../components/voice-field';
import { PhoneButton } from '../../platform/phone-button';
import { openPrivacyGuide } from '../../platform/privacy';
import { TextOnlyBanner } from '../privacy/text-only-banner';
import { usePrivacyConsent } from '../privacy/use-privacy-consent';
import { ALWAYS_CONFIDENTIAL, CONTACT_REQUIRED, DISCLOSE_IDENTITY_TITLE, effectiveContent, type SubmitForm } from './form';
import type { SubmitFormApi } from './use-submit-form';
import { useKnowledgeHints } from './use-knowledge-hints';

function Section({ title, error, children, optional }: { title: string; error?: string; children: ReactNode; optional?: boolean }) {
  return (
    <View className='section'>
      <Text className='section__title'>
        {title}
        {optional && <Text className='section__optional'>（可不填）</Text>}
      </Text>
      {children}
      <FieldError text={error} />
    </View>
  );
}

function KnowledgeHints({ text, enabled }: { text: string; enabled: boolean }) {
  const hints = useKnowledgeHints(text, enabled);
  if (hints.length === 0) return null;
  return (
    <View className='hints'>
      <Text className='hints__title'>这些答复也许能帮到您：</Text>
      {hints.map((h) => (
        <View key={h.id} className='hints__item' onClick={() => Taro.navigateTo({ url: `/sub/knowledge/article/index?id=${encodeURIComponent(h.id)}` })}>
          <Text>{h.question}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * Who learns the citizen's name and phone (004 §14, 000 §14): nobody at the handling unit unless
 * the citizen turns this on; a 举报 is always kept confidential, so there is nothing to choose.
 */
function IdentityConsent({ form, onChange }: { form: SubmitForm; onChange: (on: boolean) => void }) {
  if (form.type && ALWAYS_CONFIDENTIAL.includes(form.type)) {
    return (
      <View className='section' role='note'>
        <Text className='section__title'>举报人的姓名和电话一律保密</Text>
        <Text className='field__hint'>承办单位和被举报的一方都看不到您的姓名和电话，也不会知道是谁举报的。只有平台工作人员在需要时按您留的电话联系您。</Text>
      </View>
    );
  }
  return (
    <SwitchRow
      title={DISCLOSE_IDENTITY_TITLE}
      hint='不打开：承办单位看不到您的姓名和电话，被反映的一方也不会知道是谁反映的，需要时由平台工作人员联系您。打开后：承办单位可以直接打电话向您了解情况。'
      checked={form.discloseIdentity}
      onChange={onChange}
    />
  );
}

/** The body of the submit form; the page adds the scene banner and the submit button. */
export function SubmitFormView({ api }: { api: SubmitFormApi }) {
  const { form, errors, update } = api;
  const voice = form.attachments.find((a) => a.kind === 'voice');
  const length = effectiveContent(form).length;
  const contactOptional = !form.type || !CONTACT_REQUIRED.includes(form.type);
  const textOnly = usePrivacyConsent() === 'declined';
  const controls = { onCancel: api.cancelUpload, onRetry: api.retryUpload };
  return (
    <View className='submit-form'>
      <TextOnlyBanner />
      <Section title='1. 您要反映什么类型的事？' error={errors.type}>
        <TypePicker value={form.type} onChange={(type) => update({ type })} />
      </Section>

      <Section title='2. 说说是什么事' error={errors.content}>
        <Textarea
          className='textarea'
          value={form.content}
          maxlength={CONTENT_LIMITS.max}
          placeholder={`请写清楚什么时间、什么地方、发生了什么（至少 ${CONTENT_LIMITS.min} 个字）`}
          onInput={(e) => update({ content: e.detail.value })}
          ariaLabel='反映内容'
        />
        <Text className={`counter ${length > CONTENT_LIMITS.max ? 'counter--over' : ''}`}>
          {length}/{CONTENT_LIMITS.max}
        </Text>
        <KnowledgeHints text={form.content} enabled={form.type === 'consultation'} />
        {!textOnly && <Text className='section__subtitle'>不方便打字？录一段语音：</Text>}
        <VoiceField voice={voice} onRecorded={(clip) => api.addMedia([clip])} onRemove={api.removeAttachment} controls={controls} />
      </Section>

      <Section title='3. 照片或视频' error={errors.attachments} optional>
        <MediaField attachments={form.attachments} onAdd={api.addMedia} onRemove={api.removeAttachment} controls={controls} />
      </Section>

      <Section title='4. 在什么地方' error={errors.location} optional>
        <LocationField address={form.address} point={form.point} onChange={(patch) => update(patch)} />
      </Section>

      <Section title='5. 怎么联系您' error={errors.contact} optional={contactOptional}>
        <Input className='input' value={form.contactName} maxlength={TEXT_LIMITS.name} placeholder='您的姓名' onInput={(e) => update({ contactName: e.detail.value })} ariaLabel='姓名' />
        <Input className='input' type='number' value={form.contactPhone} maxlength={13} placeholder='手机号或带区号的电话' onInput={(e) => update({ contactPhone: e.detail.value })} ariaLabel='电话' />
        {!textOnly && <PhoneButton onPhone={(contactPhone) => update({ contactPhone })} />}
      </Section>

      <IdentityConsent form={form} onChange={(discloseIdentity) => update({ discloseIdentity })} />

      {/* The consent for this request's own content: the same guide as the privacy dialog. */}
      <SwitchRow
        title='我已阅读并同意隐私保护指引'
        label='同意隐私保护指引'
        hint='您写的内容、姓名、电话和地点只用于办理这件事，姓名和电话加密保存，不会公开。'
        checked={form.consent}
        onChange={(consent) => update({ consent })}
      >
        <Button className='btn btn--text btn--inline' onClick={openPrivacyGuide}>
          查看《隐私保护指引》
        </Button>
        <FieldError text={errors.consent} />
      </SwitchRow>
    </View>
  );
}
